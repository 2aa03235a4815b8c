package threadlab.grader.benchmark;

import java.util.Locale;

/**
 * Turns measurements into a share of a check's points, in documented bands. Pure functions of the numbers, so
 * they are unit-tested on fixed timings.
 *
 * <p>A value at or above {@code full} earns every point, at or below {@code zero} none, and in between a share
 * growing linearly, rounded down to a quarter of the points: a little noise near a band's edge moves the score
 * by at most a quarter.
 */
public final class PerformanceScoring {

    /** Share of the expected speed-up that earns every point. */
    public static final double FULL_SHARE = 0.8;
    /** Share of the expected speed-up at or below which no point is earned. */
    public static final double ZERO_SHARE = 0.4;
    /** A speed-up at or below this is none at all, whatever was expected. */
    public static final double NO_SPEEDUP = 1.1;

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
     * The share earned by a speed-up of {@code achieved} where {@code expected} is ideal: every point from
     * {@code fullShare} of the expected speed-up, none at or below {@link #zeroEdge}.
     */
    public static double speedup(double achieved, double expected, double fullShare) {
        double full = expected * fullShare;
        double zero = zeroEdge(expected);
        if (full <= zero) { // nothing to gain (one CPU): any run that is not much slower is fine
            return achieved >= full ? 1 : 0;
        }
        return banded(achieved, full, zero);
    }

    /** The speed-up at or below which no point is earned: {@link #ZERO_SHARE} of the expected one, and at least {@link #NO_SPEEDUP}. */
    public static double zeroEdge(double expected) {
        return Math.max(expected * ZERO_SHARE, NO_SPEEDUP);
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
