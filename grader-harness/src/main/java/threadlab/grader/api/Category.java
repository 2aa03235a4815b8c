package threadlab.grader.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Locale;
import org.apiguardian.api.API;

/** What a check looks at. Reports and rubrics name categories by {@link #id()}. */
@API(status = STABLE, since = "0.1")
public enum Category {
    /** Does the implementation compute the right results, alone and under concurrency? */
    CORRECTNESS,
    /** Does it keep every promise of the contract: argument checks, exceptions, interrupts, close? */
    CONTRACT,
    /** Do waiting threads block (park) instead of spinning or polling? */
    BLOCKING,
    /** Does the code avoid the JDK classes the exercise forbids? */
    POLICY,
    /** Does it let independent work proceed in parallel? */
    CONCURRENCY,
    /** How fast is it, next to the platform's own implementations? */
    PERFORMANCE,
    /** Does it survive every interleaving of a small scenario (explored by vmlens)? */
    INTERLEAVINGS;

    /** The lower-case name used in reports and rubric files, e.g. {@code correctness}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category named {@code id}, case-insensitively. */
    public static Category fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
