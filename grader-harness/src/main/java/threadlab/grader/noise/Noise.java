package threadlab.grader.noise;

import java.util.concurrent.locks.Condition;
import threadlab.grader.harness.SchedulingNoise;

/**
 * The call the grader weaves into a student's classes at the points where an interleaving matters (taking and
 * releasing a monitor, calling a lock, a condition, an atomic, {@code wait}/{@code notify}, reading or writing the
 * student's own fields): during a correctness check it sometimes lets the calling thread pause for a moment, so a
 * race window of a few instructions opens wide enough to be hit. It also stands in for the student's untimed
 * {@code wait()} and {@code Condition.await()}, which sometimes return early: a spurious wake-up, which both
 * methods' contracts allow, and which only code that re-checks its condition in a loop survives. Student code never
 * calls it itself.
 *
 * <p>This is the only class of its package, and the only harness class student code can reach: it has nothing to
 * switch, and a student who called it would only add noise to their own run.
 */
public final class Noise {

    /** Owner, name and descriptor of {@link #point()}, for the weaver. */
    public static final String OWNER = "threadlab/grader/noise/Noise";
    public static final String METHOD = "point";
    public static final String DESCRIPTOR = "()V";
    /** Name and descriptor of {@link #waitOn(Object)}, which the weaver calls instead of {@code Object.wait()}. */
    public static final String WAIT_METHOD = "waitOn";
    public static final String WAIT_DESCRIPTOR = "(Ljava/lang/Object;)V";
    /** Name and descriptor of {@link #await(Condition)}, which the weaver calls instead of {@code Condition.await()}. */
    public static final String AWAIT_METHOD = "await";
    public static final String AWAIT_DESCRIPTOR = "(Ljava/util/concurrent/locks/Condition;)V";

    private Noise() {
    }

    /** A point where another thread could interleave: maybe yields or spins for a moment, never blocks. */
    public static void point() {
        SchedulingNoise.atPoint();
    }

    /**
     * {@code monitor.wait()}, or during a correctness check sometimes a spurious wake-up: returns at once, as
     * {@code wait()} may; still throws {@link InterruptedException} if the thread was interrupted and
     * {@link IllegalMonitorStateException} if it does not hold the monitor, as {@code wait()} does. (A short timed
     * wait would not do: a notify coming within it would make the wake-up a real one.)
     */
    public static void waitOn(Object monitor) throws InterruptedException {
        if (SchedulingNoise.wakesSpuriously() && Thread.holdsLock(monitor)) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            return;
        }
        monitor.wait();
    }

    /**
     * {@code condition.await()}, or during a correctness check sometimes a spurious wake-up: an await with no time
     * to wait, which releases and retakes the lock and throws what {@code await()} throws.
     */
    public static void await(Condition condition) throws InterruptedException {
        if (SchedulingNoise.wakesSpuriously()) {
            condition.awaitNanos(0);
            return;
        }
        condition.await();
    }
}
