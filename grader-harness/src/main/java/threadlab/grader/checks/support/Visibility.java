package threadlab.grader.checks.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Whether a change one thread makes reaches a thread that keeps asking for it. A method that reads a plain field
 * without the lock that guards it may, once the JIT has compiled the loop it is called in, be read once before the
 * loop and never again: the Java Memory Model allows it and the optimizing compiler does it, on x86 too. A thread
 * that waits by calling {@code isLocked()} or {@code isShutdown()} in a loop then waits forever.
 *
 * <p>A check writes its reader loop out itself, bounded by {@link #MAX_READS}, so that the JIT inlines the student's
 * method into it (one loop shared by several checks would call through an interface and compile differently), lets
 * the reader spin until {@link #awaitCompiled} returns, makes the change, and expects the reader to end before the
 * bound.
 */
public final class Visibility {

    /**
     * A reader ends after this many reads even if it never sees the change (a few seconds of one core), so that a
     * stale read does not keep a thread spinning for the rest of the check JVM.
     */
    public static final long MAX_READS = 3_000_000_000L;
    /** CPU time a reader spins before the change: the JIT compiled the loop within 20 ms here; five times that. */
    private static final Duration WARM_UP = Duration.ofMillis(100);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private Visibility() {
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

    /** Why a reader that ended at {@link #MAX_READS} matters, for a check's message. */
    public static String explanation(String method) {
        return "A thread that waits by calling " + method + " in a loop may then wait forever: without the lock (or "
                + "volatile) the compiled loop may read the field once and keep the old value. Read it under the same "
                + "lock that guards its writes, or make the field volatile.";
    }
}
