package threadlab.grader.benchmark;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Turns measurements into a share of a check's points, in documented bands. Pure functions of the numbers, so
 * they are unit-tested on fixed timings.
 *
 * <p>A value at or above {@code full} earns every point, at or below {@code zero} none, and in between a share
 * growing linearly, rounded down to a quarter of the points: a little noise near a band's edge moves the score
 * by at most a quarter.
 */
@API(status = INTERNAL, since = "0.2")
public final class PerformanceScoring {

    /** A speed-up at or below this is none at all. */
    public static final double NO_SPEEDUP = 1.1;

    /** The usual band of a share of a reference implementation's speed: every point from 0.8, none at 0.5. */
    public static final Band SHARE_OF_REFERENCE = new Band(0.8, 0.5);
    /** A round in which the reference's speed-up stays below this shows that the sandbox could not run it in parallel. */
    public static final double MEANINGFUL_SPEEDUP = 1.5;
    /** Rounds that must count (the reference reached {@link #MEANINGFUL_SPEEDUP}) for a share to be scored. */
    public static final int MIN_COUNTED_ROUNDS = 3;

    /** CPUs of background work, on average while a reference ran, from which a speed-up is not scored but lost. */
    public static final double BACKGROUND_CPU_LIMIT = 0.25;

    private PerformanceScoring() {
    }

    /** The expected speed-up of CPU-bound work: one per worker, but never more than the CPUs can give. */
    public static double expectedCpuBound(int workers, int cpus) {
        return Math.min(workers, cpus);
    }

    /** The expected speed-up of I/O-bound work: one per worker, as long as there are tasks to overlap. */
    public static double expectedIoBound(int workers, int tasks) {
        return Math.min(workers, tasks);
    }

    /**
     * The band a share of the reference's speed is scored in, next to a reference that reached
     * {@code referenceSpeedup}: {@code band}, with its zero edge raised to what a candidate without any speed-up
     * worth the name ({@link #NO_SPEEDUP}) reaches, e.g. a single worker next to a reference twice as fast.
     */
    public static Band shareBand(Band band, double referenceSpeedup) {
        return band.withZeroAtLeast(NO_SPEEDUP / referenceSpeedup);
    }

    /** The share earned by {@code value}: all from {@code full} up, nothing at or below {@code zero}, linear between. */
    public static double banded(double value, double full, double zero) {
        if (!(full > zero)) {
            throw new IllegalArgumentException("full (" + full + ") must be above zero (" + zero + ")");
        }
        if (Double.isNaN(value) || value <= zero) {
            return 0;
        }
        if (value >= full) {
            return 1;
        }
        return Math.floor((value - zero) / (full - zero) * 4 + 1e-9) / 4; // 1e-9: 0.6 - 0.4 is not quite 0.2
    }

    /** A speed-up or ratio as a student reads it, e.g. {@code 3.9x}. */
    public static String times(double value) {
        return String.format(Locale.ROOT, "%.2fx", value);
    }
}
