package threadlab.grader.benchmark;

/**
 * The verdict of a performance check: the share of its points earned, and why.
 *
 * @param fraction between 0 and 1
 * @param message  what was measured and what was expected, for the student
 * @param measured false when there was nothing to score (the row was never measured)
 */
public record Performance(double fraction, String message, boolean measured) {

    public Performance {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be within [0, 1], was " + fraction);
        }
    }

    /** A verdict on something measured. */
    public Performance(double fraction, String message) {
        this(fraction, message, true);
    }

    /** No points, because the row to score was never measured. */
    public static Performance none(String message) {
        return new Performance(0, message, false);
    }
}
