package threadlab.grader.noise;

import threadlab.grader.harness.SchedulingNoise;

/**
 * The call the grader weaves into a student's classes at the points where an interleaving matters (taking and
 * releasing a monitor, calling a lock, a condition, an atomic, {@code wait}/{@code notify}, reading or writing the
 * student's own fields): during a correctness check it sometimes lets the calling thread pause for a moment, so a
 * race window of a few instructions opens wide enough to be hit. Student code never calls it itself.
 *
 * <p>This is the only class of its package, and the only harness class student code can reach: it has nothing to
 * switch, and a student who called it would only add noise to their own run.
 */
public final class Noise {

    /** Owner, name and descriptor of {@link #point()}, for the weaver. */
    public static final String OWNER = "threadlab/grader/noise/Noise";
    public static final String METHOD = "point";
    public static final String DESCRIPTOR = "()V";

    private Noise() {
    }

    /** A point where another thread could interleave: maybe yields or spins for a moment, never blocks. */
    public static void point() {
        SchedulingNoise.atPoint();
    }
}
