package threadlab.grader.checks.support;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apiguardian.api.API;

/**
 * Whether a change one thread makes reaches a thread that keeps asking for it. A method that reads a plain field
 * without the lock that guards it may, once the JIT has compiled the loop it is called in, be read once before the
 * loop and never again: the Java Memory Model allows it and the optimizing compiler does it, on x86 too. A thread
 * that waits by calling {@code isLocked()} or {@code isShutdown()} in a loop then waits forever.
 *
 * <p>A check writes its reader loop out itself, so that the JIT inlines the student's method into it (one loop
 * shared by several checks would call through an interface and compile differently): it reads until the change shows
 * or until {@link #deadline()}, and returns when it stopped; {@link #afterChange} lets it spin until compiled, makes
 * the change, and tells whether the reader saw it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Visibility {

    /**
     * How long a reader reads at most: a reader that never sees the change stops too, instead of spinning for the
     * rest of the check JVM. Its deadline is a clock read, which (unlike a volatile read) does not keep the JIT from
     * compiling the stale read.
     */
    private static final Duration READ_FOR = Duration.ofSeconds(4);
    /** A reader must have had at least this long after the change before its stopping at the deadline counts. */
    private static final Duration GRACE = Duration.ofSeconds(1);
    /** CPU time a reader spins before the change: the JIT compiled the loop within 20 ms here; five times that. */
    private static final Duration WARM_UP = Duration.ofMillis(100);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private Visibility() {
    }

    /** The {@link System#nanoTime()} at which a reader starting now stops reading. */
    public static long deadline() {
        return System.nanoTime() + READ_FOR.toNanos();
    }

    /** What a reader saw of a change: when the change was made, when the reader stopped, and its deadline. */
    public record Reading(long changedAt, long stoppedAt, long deadline) {

        /**
         * The reader saw the change: it stopped before its deadline, or it was given too little time after the change
         * to tell (a machine so busy that the warm-up took most of the reading time).
         */
        public boolean sawChange() {
            return stoppedAt - deadline < 0 || deadline - changedAt < GRACE.toNanos();
        }

        /** Seconds from the change to the reader's stop, for a message. */
        public double secondsAfter() {
            return (stoppedAt - changedAt) / 1e9;
        }
    }

    /**
     * Lets {@code reader} (run by {@code readerThread}, reading until {@code deadline} and returning when it stopped)
     * spin until its loop is compiled, makes {@code change}, and waits at most {@code limit} for the reader to stop;
     * {@code what} names the reader if it does not.
     */
    public static Reading afterChange(Thread readerThread, CompletableFuture<Long> reader, long deadline, Duration limit,
            Workers.ThrowingRunnable change, String what) throws Throwable {
        awaitCompiled(readerThread, limit);
        change.run();
        long changedAt = System.nanoTime();
        return new Reading(changedAt, Workers.await(reader, limit, what), deadline);
    }

    /**
     * Waits until {@code reader} has spun for {@link #WARM_UP} of CPU time (of wall time where the JVM measures no
     * thread CPU time), or has ended, or {@code limit} has passed: long enough for the JIT to have compiled its loop.
     * CPU time, not wall time: on a busy machine the reader may get little of a core.
     */
    public static void awaitCompiled(Thread reader, Duration limit) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean measured = threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        long start = System.nanoTime();
        while (reader.isAlive() && System.nanoTime() - start < limit.toNanos()) {
            long spun = measured ? threads.getThreadCpuTime(reader.getId()) : System.nanoTime() - start;
            if (spun >= WARM_UP.toNanos()) {
                return;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Why a reader that never saw the change matters, for a check's message. */
    public static String explanation(String method) {
        return "A thread that waits by calling " + method + " in a loop may then wait forever: without the lock (or "
                + "volatile) the compiled loop may read the field once and keep the old value. Read it under the same "
                + "lock that guards its writes, or make the field volatile.";
    }
}
