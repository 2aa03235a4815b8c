package threadlab.grader.checks.boundedbuffer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The likely mistake behind an overfull buffer, from how far past its capacity it went. */
class OverfillDiagnosisTest {

    @Test
    void oneTooManyIsTheConditionProducersWaitOn() {
        assertThat(BoundedBufferChecks.overfillDiagnosis(3, 2)).contains("One item too many").contains("count == capacity")
                .doesNotContain("while (");
    }

    @Test
    void farTooManyIsAnIfAroundTheWait() {
        assertThat(BoundedBufferChecks.overfillDiagnosis(7600, 2)).contains("wait in a loop")
                .contains("while (count == capacity)").contains("not with an if");
    }
}
