package threadlab.grader.benchmark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The verdict of a performance check: the share of its points earned, and why.
 *
 * @param fraction between 0 and 1
 * @param message  what was measured and what was expected, for the student
 * @param kind     whether there was something to score, and whether it could tell
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record Performance(double fraction, String message, Kind kind) {

    /** What a performance verdict rests on. */
    public enum Kind {
        /** A measurement, scored in its bands. */
        SCORED,
        /** Nothing: the row to score was never measured (it failed, or the benchmark stopped first). */
        NOT_MEASURED,
        /**
         * A measurement that cannot tell: the grader's own reference implementation reached no meaningful
         * speed-up in this sandbox, so the student's cannot be expected to. No point is lost.
         */
        UNMEASURABLE
    }

    public Performance {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be within [0, 1], was " + fraction);
        }
    }

    /** A verdict on something measured. */
    public Performance(double fraction, String message) {
        this(fraction, message, Kind.SCORED);
    }

    /** No points, because the row to score was never measured. */
    public static Performance none(String message) {
        return new Performance(0, message, Kind.NOT_MEASURED);
    }

    /** No verdict, and no point lost: the sandbox could not show what the check measures. */
    public static Performance unmeasurable(String message) {
        return new Performance(1, message, Kind.UNMEASURABLE);
    }
}
