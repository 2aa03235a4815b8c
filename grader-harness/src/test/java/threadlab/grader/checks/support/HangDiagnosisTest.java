package threadlab.grader.checks.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The likely mistake named for threads that made no progress, from their states alone. */
class HangDiagnosisTest {

    @Test
    void threadsThatAllWaitToBeWokenAreALostWakeUp() {
        assertThat(HangDiagnosis.likelyMistake(List.of(Thread.State.WAITING, Thread.State.TIMED_WAITING)))
                .contains("a lost wake-up").contains("notifyAll()");
    }

    @Test
    void aThreadStillRunningIsASpinOrAnEndlessLoop() {
        assertThat(HangDiagnosis.likelyMistake(List.of(Thread.State.WAITING, Thread.State.RUNNABLE)))
                .contains("spinning").doesNotContain("lost wake-up");
    }

    @Test
    void blockedThreadsWithoutACycleGetNoGuess() {
        assertThat(HangDiagnosis.likelyMistake(List.of(Thread.State.BLOCKED))).isEmpty();
        assertThat(HangDiagnosis.likelyMistake(List.of())).isEmpty();
    }

    @Test
    void aRunningObserverOfTheCheckIsNotTakenForASpin() {
        assertThat(HangDiagnosis.countsForTheMistake(Workers.OBSERVER_PREFIX + "size", Thread.State.RUNNABLE)).isFalse();
        assertThat(HangDiagnosis.countsForTheMistake(Workers.OBSERVER_PREFIX + "size", Thread.State.BLOCKED)).isTrue();
        assertThat(HangDiagnosis.countsForTheMistake("producer-0", Thread.State.RUNNABLE)).isTrue();
    }
}
