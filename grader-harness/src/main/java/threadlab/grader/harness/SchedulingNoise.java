package threadlab.grader.harness;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.SplittableRandom;

/**
 * Seeded scheduling noise (the idea of IBM's ConTest): at each woven {@link threadlab.grader.noise.Noise#point()},
 * while switched on, the calling thread sometimes yields its core or spins for a few microseconds; and some of the
 * student's untimed waits wake up spuriously ({@link #wakesSpuriously()}).
 *
 * <p>Only pauses that cannot change what correct code does: no {@code sleep} (it would consume an interrupt) and no
 * {@code parkNanos} (it would consume a permit meant for the student's own {@code park}). The decisions of a thread
 * follow from the grading seed and the thread's name, so {@code --seed} replays the same noise (the scheduler itself
 * still decides who runs).
 *
 * <p>Lives in a package student code cannot read: only the harness switches it, around the correctness checks.
 */
public final class SchedulingNoise {

    /**
     * Out of {@link #DICE} points: how many spin briefly, spin longer, or yield. Mostly spins: on a busy machine a
     * yield hands the core to another process for a whole time slice, and a handoff-heavy check (a buffer of
     * capacity 3 passing 20,000 items) then ran out of time on correct code; a spin of microseconds keeps the window
     * open while a thread on the other core runs into it.
     */
    static final int DICE = 128;
    static final int SHORT_SPINS = 8;
    static final int LONG_SPINS = 1;
    static final int YIELDS = 1;
    private static final int SHORT_SPIN_MAX_ITERATIONS = 256;
    private static final long LONG_SPIN_MAX_NANOS = 40_000;
    /**
     * One untimed wait in this many wakes up spuriously. Code with {@code if} instead of {@code while} around its
     * wait fails at the first one that comes while its condition is still false; correct code only waits again.
     */
    static final int SPURIOUS_WAKE_UP_ODDS = 4;

    private static volatile boolean on;
    private static volatile long seed;
    private static final ThreadLocal<SplittableRandom> DECISIONS =
            ThreadLocal.withInitial(() -> new SplittableRandom(seed * 31 + Thread.currentThread().getName().hashCode()));

    /**
     * What a woven point does: nothing, or {@link #pause()}. A call site, not a test of {@link #on}: the JIT compiles
     * a point whose target is nothing to nothing, and recompiles when the target changes. A field read at every
     * point (volatile or not, its noisy branch taken in earlier checks) would stay in the student's compiled loops
     * and keep the JIT from caching a plain read of an unguarded field, the stale read that the {@code Visibility}
     * checks, run with the noise off, look for.
     */
    private static final MutableCallSite POINT = new MutableCallSite(MethodType.methodType(void.class));
    private static final MethodHandle AT_POINT = POINT.dynamicInvoker();
    private static final MethodHandle NOTHING = MethodHandles.empty(MethodType.methodType(void.class));
    private static final MethodHandle PAUSE;

    static {
        try {
            PAUSE = MethodHandles.lookup().findStatic(SchedulingNoise.class, "pause", MethodType.methodType(void.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        point(NOTHING);
    }

    /** What one point decided. */
    enum Pause { NONE, YIELD, SHORT_SPIN, LONG_SPIN }

    private SchedulingNoise() {
    }

    /** Switches the noise on, with decisions drawn from {@code gradingSeed}. */
    public static void on(long gradingSeed) {
        seed = gradingSeed;
        on = true;
        point(PAUSE);
    }

    public static void off() {
        on = false;
        point(NOTHING);
    }

    private static void point(MethodHandle target) {
        POINT.setTarget(target);
        MutableCallSite.syncAll(new MutableCallSite[] {POINT});
    }

    /** Called by every woven point. */
    public static void atPoint() {
        try {
            AT_POINT.invokeExact();
        } catch (RuntimeException | Error unchecked) {
            throw unchecked;
        } catch (Throwable impossible) { // pause() declares nothing checked
            throw new AssertionError(impossible);
        }
    }

    private static void pause() {
        SplittableRandom random = DECISIONS.get();
        switch (decide(random)) {
            case YIELD -> Thread.yield();
            case SHORT_SPIN -> {
                for (int i = random.nextInt(SHORT_SPIN_MAX_ITERATIONS); i > 0; i--) {
                    Thread.onSpinWait();
                }
            }
            case LONG_SPIN -> {
                long until = System.nanoTime() + random.nextLong(LONG_SPIN_MAX_NANOS);
                while (System.nanoTime() - until < 0) {
                    Thread.onSpinWait();
                }
            }
            case NONE -> { }
        }
    }

    /** Whether the untimed wait about to start should end early (never while the noise is off). */
    public static boolean wakesSpuriously() {
        return on && DECISIONS.get().nextInt(SPURIOUS_WAKE_UP_ODDS) == 0;
    }

    static Pause decide(SplittableRandom random) {
        int dice = random.nextInt(DICE);
        if (dice < SHORT_SPINS) {
            return Pause.SHORT_SPIN;
        }
        if (dice < SHORT_SPINS + LONG_SPINS) {
            return Pause.LONG_SPIN;
        }
        return dice < SHORT_SPINS + LONG_SPINS + YIELDS ? Pause.YIELD : Pause.NONE;
    }
}
