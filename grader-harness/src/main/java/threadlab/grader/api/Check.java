package threadlab.grader.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a JUnit Jupiter test or jqwik property as a graded check.
 *
 * <p>The grader reads these attributes from the class files without loading them, so they must be
 * constants. The default rubric is made of exactly these values; an instructor's rubric file may
 * override points, drop checks or hide them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@API(status = STABLE, since = "0.1")
public @interface Check {

    /** Stable identifier, {@code <exercise>.<kebab-case-name>}, e.g. {@code boundedbuffer.fifo-order}. */
    String id();

    Category category();

    /** Points awarded when the check passes. */
    double points();

    /** One line a student understands, e.g. "Items leave in the order they entered". */
    String title();

    /** Wall-clock limit for the whole check; past it the check is a timeout, with a diagnosis. */
    int timeoutSeconds() default 10;

    /** For an {@link Category#INTERLEAVINGS} check: the engine that explores it (ignored by other categories). */
    Explorer explorer() default Explorer.VMLENS;
}
