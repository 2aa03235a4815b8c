package threadlab.grader.benchmark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The scoring band of a measured value: every point at or above {@code full}, none at or below {@code zero},
 * a share growing linearly in between, rounded down to a quarter ({@link PerformanceScoring#banded}).
 *
 * <p>A band also tells {@link Bench} when it may stop measuring: once the interval around the median lies
 * wholly in one step of the band (all points, none, or one quarter), more rounds cannot change the verdict.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record Band(double full, double zero) {

    public Band {
        if (!(full > zero)) {
            throw new IllegalArgumentException("full (" + full + ") must be above zero (" + zero + ")");
        }
    }

    /** The share of the points {@code value} earns. */
    public double fraction(double value) {
        return PerformanceScoring.banded(value, full, zero);
    }

    /**
     * Whether more rounds cannot change the verdict on {@code spread}: both ends of its interval earn the same share
     * (the share only grows with the value, so everything between them does too).
     */
    public boolean decides(Spread spread) {
        return fraction(spread.low()) == fraction(spread.high());
    }

    /** This band with its zero edge raised to {@code floor} (kept below the full edge). */
    public Band withZeroAtLeast(double floor) {
        return new Band(full, Math.min(Math.max(zero, floor), Math.nextDown(full)));
    }
}
