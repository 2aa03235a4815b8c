package threadlab.grader.checks.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Random;
import org.apiguardian.api.API;

/**
 * The seed of one grading run, shared by every random choice of the checks so that
 * {@code --seed N} reproduces a run.
 */
@API(status = INTERNAL, since = "0.1")
public final class GradingSeed {

    /** System property carrying the seed into a forked check JVM. */
    public static final String PROPERTY = "threadlab.seed";

    private GradingSeed() {
    }

    public static long get() {
        return Long.parseLong(System.getProperty(PROPERTY, "42"));
    }

    /** A random generator for one check, derived from the run's seed and the check's name. */
    public static Random randomFor(String checkName) {
        return new Random(get() ^ checkName.hashCode());
    }
}
