package threadlab.grader.exercise;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The six exercises, in the order students take them, and the check suites that grade each one. */
public enum Exercise {
    COUNTERLOCK(null, "threadlab.grader.checks.counterlock.CounterLockChecks",
            "threadlab.grader.checks.counterlock.CounterLockInterleavings"),
    THREADSAFESET("threadlab.grader.checks.threadsafeset.ThreadSafeSetBenchmark",
            "threadlab.grader.checks.threadsafeset.ThreadSafeSetChecks",
            "threadlab.grader.checks.threadsafeset.ThreadSafeSetInterleavings",
            "threadlab.grader.checks.threadsafeset.ThreadSafeSetPerformance"),
    BOUNDEDBUFFER("threadlab.grader.checks.boundedbuffer.BoundedBufferBenchmark",
            "threadlab.grader.checks.boundedbuffer.BoundedBufferChecks",
            "threadlab.grader.checks.boundedbuffer.BoundedBufferInterleavings",
            "threadlab.grader.checks.boundedbuffer.BoundedBufferPerformance"),
    PHILOSOPHERS(null, "threadlab.grader.checks.philosophers.PhilosophersChecks",
            "threadlab.grader.checks.philosophers.PhilosophersInterleavings"),
    POOLEXECUTOR("threadlab.grader.checks.poolexecutor.PoolExecutorBenchmark",
            "threadlab.grader.checks.poolexecutor.PoolExecutorChecks",
            "threadlab.grader.checks.poolexecutor.PoolExecutorInterleavings",
            "threadlab.grader.checks.poolexecutor.PoolExecutorPerformance"),
    PROCESSMAP("threadlab.grader.checks.processmap.ProcessMapBenchmark",
            "threadlab.grader.checks.processmap.ProcessMapChecks",
            "threadlab.grader.checks.processmap.ProcessMapInterleavings",
            "threadlab.grader.checks.processmap.ProcessMapPerformance");

    private final String benchmarkClass;
    private final List<String> suiteClasses;

    /** @param benchmarkClass the {@code Benchmark} its performance checks score, or null when it has none */
    Exercise(String benchmarkClass, String... suiteClasses) {
        this.benchmarkClass = benchmarkClass;
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

    /** The class that measures this exercise in the sandbox, if it has performance checks. */
    public Optional<String> benchmarkClass() {
        return Optional.ofNullable(benchmarkClass);
    }

    public static Optional<Exercise> byId(String id) {
        return Arrays.stream(values()).filter(e -> e.id().equalsIgnoreCase(id.trim())).findFirst();
    }
}
