package threadlab.grader.exercise;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The six exercises, in the order students take them, and the check suites that grade each one. */
public enum Exercise {
    COUNTERLOCK("threadlab.grader.checks.counterlock.CounterLockChecks",
            "threadlab.grader.checks.counterlock.CounterLockInterleavings"),
    THREADSAFESET("threadlab.grader.checks.threadsafeset.ThreadSafeSetChecks",
            "threadlab.grader.checks.threadsafeset.ThreadSafeSetInterleavings"),
    BOUNDEDBUFFER("threadlab.grader.checks.boundedbuffer.BoundedBufferChecks",
            "threadlab.grader.checks.boundedbuffer.BoundedBufferInterleavings"),
    PHILOSOPHERS("threadlab.grader.checks.philosophers.PhilosophersChecks"),
    POOLEXECUTOR("threadlab.grader.checks.poolexecutor.PoolExecutorChecks",
            "threadlab.grader.checks.poolexecutor.PoolExecutorInterleavings"),
    PROCESSMAP("threadlab.grader.checks.processmap.ProcessMapChecks",
            "threadlab.grader.checks.processmap.ProcessMapInterleavings");

    private final List<String> suiteClasses;

    Exercise(String... suiteClasses) {
        this.suiteClasses = List.of(suiteClasses);
    }

    /** The identifier used on the command line and in reports, e.g. {@code counterlock}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Java package of the exercise, e.g. {@code threadlab.counterlock}. */
    public String javaPackage() {
        return "threadlab." + id();
    }

    /** Fully qualified names of the classes holding this exercise's checks. */
    public List<String> suiteClasses() {
        return suiteClasses;
    }

    public static Optional<Exercise> byId(String id) {
        return Arrays.stream(values()).filter(e -> e.id().equalsIgnoreCase(id.trim())).findFirst();
    }
}
