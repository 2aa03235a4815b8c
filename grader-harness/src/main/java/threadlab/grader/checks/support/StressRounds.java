package threadlab.grader.checks.support;

import java.time.Duration;

/**
 * How long a stress check keeps going: at least a number of rounds, and then until a time budget is
 * spent. A race window of a few instructions is hit by chance; a fixed small number of rounds hits it on
 * a quiet machine and misses it on a busy one, so the budget, not the count, decides how hard we look.
 *
 * <p>One thread drives the rounds; call {@link #another()} before each.
 */
public final class StressRounds {

    private final int minimum;
    private final long endNanos;
    private int done;

    private StressRounds(int minimum, Duration budget) {
        this.minimum = minimum;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    /** At least {@code minimum} rounds, then more until {@code budget} has passed since this call. */
    public static StressRounds atLeast(int minimum, Duration budget) {
        return new StressRounds(minimum, budget);
    }

    /** Whether to run one more round; counts it if so. */
    public boolean another() {
        if (done >= minimum && System.nanoTime() - endNanos >= 0) {
            return false;
        }
        done++;
        return true;
    }

    /** The rounds started so far, for a message. */
    public int done() {
        return done;
    }
}
