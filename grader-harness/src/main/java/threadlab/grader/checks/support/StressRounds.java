package threadlab.grader.checks.support;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Random;
import org.apiguardian.api.API;

/**
 * How long a stress check keeps going: at least a number of rounds, and then until a time budget is
 * spent. A race window of a few instructions is hit by chance; a fixed small number of rounds hits it on
 * a quiet machine and misses it on a busy one, so the budget, not the count, decides how hard we look.
 *
 * <p>One thread drives the rounds; call {@link #another()} before each, or let {@link #run} do it and vary each
 * round's shape (thread counts, capacities) from the grading seed.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class StressRounds {

    private final int minimum;
    private final long endNanos;
    private int done;

    private StressRounds(int minimum, Duration budget) {
        this.minimum = minimum;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    /** How long a stress check looks by default: about a second on two cores, as the detection issue asks. */
    public static final Duration BUDGET = Duration.ofSeconds(1);

    /** At least {@code minimum} rounds, then more until the default {@link #BUDGET} has passed since this call. */
    public static StressRounds atLeast(int minimum) {
        return atLeast(minimum, BUDGET);
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

    /**
     * Runs {@code round} while {@link #another()} says so, handing it a random of the check's own, drawn from the
     * grading seed, for its choices of thread counts, capacities and mixes: the same seed replays the same shapes.
     */
    public void run(String checkId, Round round) throws Throwable {
        Random random = GradingSeed.randomFor(checkId);
        while (another()) {
            round.run(random);
        }
    }

    /** A number from {@code fewest} to {@code most}, both included. */
    public static int between(Random random, int fewest, int most) {
        return fewest + random.nextInt(most - fewest + 1);
    }

    /** One round of a stress check, shaped by {@code random}. */
    @FunctionalInterface
    public interface Round {
        void run(Random random) throws Throwable;
    }
}
