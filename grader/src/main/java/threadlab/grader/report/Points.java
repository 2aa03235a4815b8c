package threadlab.grader.report;

import java.util.Locale;

/** Formats points: whole numbers without decimals, others with one. */
public final class Points {

    private Points() {
    }

    public static String format(double points) {
        return points == Math.rint(points) ? Long.toString((long) points) : String.format(Locale.ROOT, "%.1f", points);
    }

    public static String of(double score, double max) {
        return format(score) + "/" + format(max);
    }
}
