package threadlab.grader.checks.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StressRoundsTest {

    @Test
    void runsTheMinimumEvenWhenTheBudgetIsSpent() {
        StressRounds rounds = StressRounds.atLeast(5, Duration.ZERO);
        int ran = 0;
        while (rounds.another()) {
            ran++;
        }
        assertThat(ran).isEqualTo(5);
        assertThat(rounds.done()).isEqualTo(5);
    }

    @Test
    void keepsGoingPastTheMinimumUntilTheBudgetIsSpent() {
        Duration budget = Duration.ofMillis(50);
        long start = System.nanoTime();
        StressRounds rounds = StressRounds.atLeast(1, budget);
        while (rounds.another()) {
            Thread.onSpinWait();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(budget);
        assertThat(rounds.done()).isGreaterThan(1);
    }

    @Test
    void aSpentRoundCounterStaysSpent() {
        StressRounds rounds = StressRounds.atLeast(0, Duration.ZERO);
        assertThat(rounds.another()).isFalse();
        assertThat(rounds.another()).isFalse();
        assertThat(rounds.done()).isZero();
    }

    @Test
    void eachRoundIsShapedFromTheSeedSoTheSameSeedReplaysTheShapes() throws Throwable {
        assertThat(shapes("a.check")).hasSize(6).isEqualTo(shapes("a.check"))
                .allSatisfy(threads -> assertThat(threads).isBetween(2, 8));
        assertThat(shapes("a.check")).isNotEqualTo(shapes("another.check"));
    }

    private static List<Integer> shapes(String checkId) throws Throwable {
        List<Integer> threads = new ArrayList<>();
        StressRounds.atLeast(6, Duration.ZERO).run(checkId, random -> threads.add(StressRounds.between(random, 2, 8)));
        return threads;
    }
}
