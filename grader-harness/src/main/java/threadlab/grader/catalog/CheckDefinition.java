package threadlab.grader.catalog;

import threadlab.grader.api.Category;
import threadlab.grader.api.Explorer;
import threadlab.grader.exercise.Exercise;

/**
 * A check as declared by its {@link threadlab.grader.api.Check} annotation.
 *
 * @param suiteClass  the class that declares it
 * @param method      the name of the test or property method
 * @param explorer    the engine that explores an interleavings check
 */
public record CheckDefinition(String id, Exercise exercise, Category category, double points, String title,
                              int timeoutSeconds, String suiteClass, String method,
                              Explorer explorer) {
}
