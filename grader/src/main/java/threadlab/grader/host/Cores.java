package threadlab.grader.host;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import threadlab.grader.sandbox.LocalContainment;

/**
 * The machine's cores, as a phase shares them among the JVMs it runs for several exercises at once: a job holds one
 * core while its JVM runs. Fair: the jobs get the cores in the order they asked, exercise by exercise.
 */
final class Cores {

    private final Semaphore free;

    private Cores(int cores) {
        this.free = new Semaphore(cores, true);
    }

    /**
     * One per processor this JVM may use (a container's CPU share), or one where contained JVMs cannot run side by
     * side ({@link LocalContainment#allowsConcurrentRuns()}).
     */
    static Cores of(Optional<LocalContainment> containment) {
        boolean sideBySide = containment.map(LocalContainment::allowsConcurrentRuns).orElse(true);
        return new Cores(sideBySide ? Math.max(1, Runtime.getRuntime().availableProcessors()) : 1);
    }

    /** Runs {@code job} once a core is free, holding it until the job ends. */
    <T> T onOne(Callable<T> job) throws Exception {
        free.acquire();
        try {
            return job.call();
        } finally {
            free.release();
        }
    }
}
