package threadlab.grader.benchmark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.stream.Collectors;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.apiguardian.api.API;

/**
 * A value measured once per round: its median, the distribution-free interval around that median, and every
 * round's value (outliers are shown, not dropped).
 *
 * <p>The interval is made of order statistics: with {@code n} rounds, the {@code k}-th smallest and the
 * {@code k}-th largest value, {@code k} the largest rank for which the median lies outside with a chance of at
 * most 2.5 % on each side (a binomial tail; no assumption about the distribution of the rounds). Below 9 rounds
 * that is the smallest and the largest value.
 *
 * @param median the median of the rounds
 * @param low    the lower end of the interval
 * @param high   the upper end of the interval
 * @param rounds each round's value, in the order measured
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record Spread(double median, double low, double high, List<Double> rounds) {

    /** Two-sided risk the interval accepts of missing the true median. */
    static final double RISK = 0.05;

    public Spread {
        rounds = List.copyOf(rounds);
    }

    /** The spread of {@code values}, one per round. */
    public static Spread of(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        if (n == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, values);
        }
        int k = rank(n);
        return new Spread(median(sorted), sorted[k - 1], sorted[n - k], values);
    }

    /** The rounds and the interval, e.g. "rounds: 0.91, 0.95, 0.97; 95 % interval 0.91 to 0.97". */
    public String describe(DoubleFunction<String> format) {
        return "rounds: " + rounds.stream().map(format::apply).collect(Collectors.joining(", "))
                + "; 95 % interval " + format.apply(low) + " to " + format.apply(high);
    }

    /** Half the interval's width as a share of the median: 0.05 means within ±5 %. */
    @JsonIgnore
    public double relativeHalfWidth() {
        return median > 0 ? (high - low) / 2 / median : Double.POSITIVE_INFINITY;
    }

    /** Whether the interval is within ±{@code share} of the median. */
    public boolean narrowerThan(double share) {
        return relativeHalfWidth() <= share;
    }

    /** The 1-based rank of the interval's ends among {@code n} sorted rounds. */
    static int rank(int n) {
        double tail = Math.pow(0.5, n); // P(X <= 0) for X ~ Binomial(n, 1/2)
        double coefficient = 1;
        int k = 1;
        for (int j = 1; j < n / 2; j++) {
            coefficient = coefficient * (n - j + 1) / j;
            tail += coefficient * Math.pow(0.5, n);
            if (tail > RISK / 2) {
                break;
            }
            k = j + 1;
        }
        return k;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    @Override
    public String toString() {
        return median + " [" + low + ", " + high + "] of " + Arrays.toString(rounds.toArray());
    }
}
