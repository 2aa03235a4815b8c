package threadlab.grader.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.rubric.Rubric;

/**
 * What to grade, and how.
 *
 * @param submission a folder or {@code .zip} with the student's sources
 * @param label      how reports name the submission
 * @param exercises  which exercises to grade
 * @param seed       the seed of every random choice of the checks
 * @param quick      skip the slow phases (coverage) for a fast inner loop
 * @param workDir    where compiled classes, logs and coverage data go
 */
public record GradeRequest(Path submission, String label, Set<Exercise> exercises, long seed, boolean quick,
                           Rubric rubric, Path workDir) {

    public GradeRequest {
        exercises = Set.copyOf(exercises);
    }

    /** The exercises to grade, in course order. */
    public List<Exercise> exercisesInOrder() {
        return List.of(Exercise.values()).stream().filter(exercises::contains).toList();
    }
}
