package threadlab.grader.benchmark;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * How many rounds a comparison runs: warm-up until the timings settle, then enough measured rounds to be
 * sure of the scored values, and no more.
 *
 * <p>Every candidate runs in the first {@code shown} measured rounds (enough for the table); after that only
 * what a check scores (the student's implementation and its reference, plus the baseline where a speed-up is
 * scored) runs on, until the {@link Spread interval} of every scored value is within ±{@code precision} of its
 * median, or {@code max} rounds were measured.
 *
 * @param maxWarmups rounds at most before measuring; fewer when two in a row agree within {@code settled}
 * @param settled    how close (as a share) two warm-up timings must be to call the JIT and caches settled
 * @param shown      measured rounds of every candidate
 * @param min        measured rounds at least before the interval may stop the comparison
 * @param max        measured rounds at most
 * @param precision  the half-width of the interval, as a share of the median, that is narrow enough
 */
@API(status = INTERNAL, since = "0.2")
public record Rounds(int maxWarmups, double settled, int shown, int min, int max, double precision) {

    public Rounds {
        if (maxWarmups < 1 || shown < 1 || min < shown || max < min || !(precision > 0) || !(settled > 0)) {
            throw new IllegalArgumentException("inconsistent rounds: " + maxWarmups + " warm-ups, " + shown + " shown, "
                    + min + " to " + max + " measured");
        }
    }

    /** What the graded benchmarks use: at least 6 measured rounds, at most 20, until the interval is within ±5 %. */
    public static Rounds standard() {
        return new Rounds(4, 0.10, 3, 6, 20, 0.05);
    }

    /** Exactly {@code n} measured rounds after one warm-up: for tests and quick looks. */
    public static Rounds exactly(int n) {
        return new Rounds(1, 1, n, n, n, 1);
    }
}
