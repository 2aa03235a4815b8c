package threadlab.grader.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import threadlab.grader.harness.CheckEvent;
import threadlab.grader.harness.ResultChannel;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/** The host accepts a check JVM's records only in protocol order, and charges the running check otherwise. */
class ResultProtocolTest {

    private static final List<String> ASKED = List.of("a", "b", "c");
    private static final ResultProtocol.JvmEnd EXITED = new ResultProtocol.JvmEnd(0, false, Duration.ofSeconds(30), "");

    @Test
    void checksStartedFinishedAndCompletedAreTaken() {
        ResultProtocol.Interpretation result = interpret(EXITED, false, started("a"), passed("a"), started("b"),
                finished("b", CheckStatus.FAILED, Reason.ASSERTION), started("c"), passed("c"), completed());

        assertThat(result.outcomes()).containsOnlyKeys("a", "b", "c");
        assertThat(result.outcomes().get("b").reason()).isEqualTo(Reason.ASSERTION);
    }

    @Test
    void aJvmThatEndsDuringACheckChargesThatCheckAndLeavesTheRestForAFreshJvm() {
        ResultProtocol.Interpretation result = interpret(new ResultProtocol.JvmEnd(1, false, Duration.ofSeconds(30), ""),
                false, started("a"), passed("a"), started("b"));

        assertThat(result.outcomes()).containsOnlyKeys("a", "b");
        assertThat(result.outcomes().get("b").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.outcomes().get("b").reason()).isEqualTo(Reason.JVM_DIED);
    }

    @Test
    void howTheJvmEndedDecidesTheReasonNotWhatItPrinted() {
        String imitation = "\njava.lang.OutOfMemoryError: unable to create native thread";
        ResultProtocol.Interpretation killed = interpret(new ResultProtocol.JvmEnd(null, false, Duration.ofSeconds(30),
                imitation), false, started("a"));
        ResultProtocol.Interpretation exited = interpret(new ResultProtocol.JvmEnd(0, false, Duration.ofSeconds(30),
                imitation), false, started("a"));
        ResultProtocol.Interpretation outOfMemory = interpret(new ResultProtocol.JvmEnd(
                ResultProtocol.OUT_OF_MEMORY_EXIT_CODE, false, Duration.ofSeconds(30), ""), false, started("a"));
        ResultProtocol.Interpretation flooded = interpret(new ResultProtocol.JvmEnd(1, true, Duration.ofSeconds(30), ""),
                false, started("a"));

        assertThat(killed.outcomes().get("a").reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(exited.outcomes().get("a").reason()).isEqualTo(Reason.JVM_DIED);
        assertThat(outOfMemory.outcomes().get("a").reason()).isEqualTo(Reason.OUT_OF_RESOURCES);
        assertThat(flooded.outcomes().get("a").reason()).isEqualTo(Reason.OUT_OF_RESOURCES);
        assertThat(flooded.outcomes().get("a").message()).contains("threads or processes without bound");
    }

    @Test
    void aCheckNobodyAskedForIsTamperingAndChargesTheNextCheck() {
        ResultProtocol.Interpretation result = interpret(EXITED, false, started("a"), passed("a"), started("z"),
                passed("z"), completed());

        assertThat(result.outcomes()).containsOnlyKeys("a", "b");
        assertThat(result.outcomes().get("b").reason()).isEqualTo(Reason.TAMPERED);
        assertThat(result.outcomes().get("b").status().awarded()).isFalse();
    }

    @Test
    void aCheckFinishedTwiceOrWithoutStartIsTampering() {
        ResultProtocol.Interpretation twice = interpret(EXITED, false, started("a"), passed("a"), passed("a"));
        ResultProtocol.Interpretation unstarted = interpret(EXITED, false, passed("b"));

        assertThat(twice.outcomes().get("b").reason()).isEqualTo(Reason.TAMPERED);
        assertThat(unstarted.outcomes().get("a").reason()).isEqualTo(Reason.TAMPERED);
    }

    @Test
    void forgedRecordsAfterARunningCheckChargeIt() {
        ResultProtocol.Interpretation result = interpret(EXITED, true, started("a"));

        assertThat(result.outcomes().get("a").reason()).isEqualTo(Reason.TAMPERED);
    }

    @Test
    void aJvmThatWroteNothingRanNothing() {
        assertThat(interpret(EXITED, false).ranNothing()).isTrue();
        assertThat(interpret(EXITED, true).ranNothing()).isFalse();
    }

    private static ResultProtocol.Interpretation interpret(ResultProtocol.JvmEnd end, boolean tampered, CheckEvent... events) {
        List<CheckEvent> numbered = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            CheckEvent e = events[i];
            numbered.add(new CheckEvent(i, e.type(), e.check(), e.status(), e.reason(), e.message(), e.durationMs()));
        }
        return ResultProtocol.interpret(ASKED, new ResultChannel.Reading(numbered, tampered), end);
    }

    private static CheckEvent started(String id) {
        return new CheckEvent(0, CheckEvent.Type.STARTED, id, null, null, null, 0);
    }

    private static CheckEvent passed(String id) {
        return finished(id, CheckStatus.PASSED, Reason.NONE);
    }

    private static CheckEvent finished(String id, CheckStatus status, Reason reason) {
        return new CheckEvent(0, CheckEvent.Type.FINISHED, id, status, reason, "", 1);
    }

    private static CheckEvent completed() {
        return new CheckEvent(0, CheckEvent.Type.COMPLETED, null, null, null, null, 0);
    }
}
