package threadlab.grader.checks.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
}
