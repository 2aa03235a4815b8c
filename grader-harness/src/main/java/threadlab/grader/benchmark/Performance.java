package threadlab.grader.benchmark;

/**
 * The verdict of a performance check: the share of its points earned, and why.
 *
 * @param fraction between 0 and 1
 * @param message  what was measured and what was expected, for the student
 */
public record Performance(double fraction, String message) {

    public Performance {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be within [0, 1], was " + fraction);
        }
    }

    /** No points, e.g. because the row to score was never measured. */
    public static Performance none(String message) {
        return new Performance(0, message);
    }
}
