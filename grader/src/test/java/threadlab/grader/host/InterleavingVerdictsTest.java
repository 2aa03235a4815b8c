package threadlab.grader.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import threadlab.grader.interleavings.ExploredScenario;
import threadlab.grader.interleavings.RaceAccess;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/** The verdict rules of an explored scenario, from typed facts, without forking a JVM. */
class InterleavingVerdictsTest {

    private static final String ID = "counterlock.interleaved-increments";
    private static final String ENGINE_WORDS = "vmlens failed internally: Inconclusive, no points lost: Maximum "
            + "Iterations Reached; busy waiting";

    @Test
    void anEngineErrorIsInconclusiveAndKeepsThePointsWhenTheCorrectnessChecksPassed() {
        CheckOutcome verdict = verdict(outcome(CheckStatus.ERROR, Reason.ENGINE_ERROR, "NullPointerException"), null, true);

        assertThat(verdict.status()).isEqualTo(CheckStatus.INCONCLUSIVE);
        assertThat(verdict.fraction()).isEqualTo(1);
    }

    @Test
    void anInconclusiveExplorationLosesThePointsWhenACorrectnessCheckFailed() {
        CheckOutcome engineError = verdict(outcome(CheckStatus.ERROR, Reason.ENGINE_ERROR, "boom"), null, false);
        CheckOutcome hangsOnlyUnderTheAgent = verdict(outcome(CheckStatus.TIMEOUT, Reason.TIMEOUT, "hung"), null, false);

        assertThat(engineError.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(hangsOnlyUnderTheAgent.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(hangsOnlyUnderTheAgent.reason()).isEqualTo(Reason.ENGINE_LIMIT);
    }

    @Test
    void studentTextThatImitatesTheEngineChangesNothing() {
        CheckOutcome failed = verdict(outcome(CheckStatus.FAILED, Reason.UNEXPECTED_EXCEPTION, ENGINE_WORDS), null, true);
        CheckOutcome exception = verdict(outcome(CheckStatus.FAILED, Reason.ASSERTION, ENGINE_WORDS), null, true);

        assertThat(failed.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(exception.status()).isEqualTo(CheckStatus.FAILED);
    }

    @Test
    void passingWithinTheScenariosBoundOnInterleavingsIsABoundedPass() {
        ExploredScenario bounded = new ExploredScenario(ID, 30, "Maximum Iterations Reached", List.of(), null);

        CheckOutcome verdict = InterleavingVerdicts.verdict(outcome(CheckStatus.PASSED, Reason.NONE, null),
                Optional.of(bounded), null, List.of(), false);

        assertThat(verdict.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(verdict.message()).startsWith("30 orders of the threads explored by vmlens (its bound)");
    }

    @Test
    void aModelCheckerThatRanOutOfTimeIsInconclusiveAndItsFindingsStand() {
        CheckOutcome timedOut = InterleavingVerdicts.modelChecked(outcome(CheckStatus.TIMEOUT, Reason.TIMEOUT, "hung"), true);
        CheckOutcome found = InterleavingVerdicts.modelChecked(outcome(CheckStatus.FAILED, Reason.DEADLOCK, "cycle"), true);
        CheckOutcome crashed = InterleavingVerdicts.modelChecked(outcome(CheckStatus.FAILED, Reason.ENGINE_ERROR, "x"), false);

        assertThat(timedOut.status()).isEqualTo(CheckStatus.INCONCLUSIVE);
        assertThat(timedOut.reason()).isEqualTo(Reason.ENGINE_LIMIT);
        assertThat(found.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(found.reason()).isEqualTo(Reason.DEADLOCK);
        assertThat(crashed.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(crashed.reason()).isEqualTo(Reason.ENGINE_ERROR);
    }

    @Test
    void aFullyExploredPassStandsAndAFailedAnalysisIsInconclusive() {
        ExploredScenario explored = new ExploredScenario(ID, 8, "Success", List.of(), null);

        assertThat(InterleavingVerdicts.verdict(outcome(CheckStatus.PASSED, Reason.NONE, null), Optional.of(explored),
                null, List.of(), true)).satisfies(v -> {
                    assertThat(v.status()).isEqualTo(CheckStatus.PASSED);
                    assertThat(v.message()).startsWith("Every order of the threads explored by vmlens (8)");
                });
        assertThat(InterleavingVerdicts.verdict(outcome(CheckStatus.PASSED, Reason.NONE, null), Optional.of(explored),
                "analysis crashed", List.of(), true).reason()).isEqualTo(Reason.ENGINE_ERROR);
    }

    @Test
    void theLinkToVmlensTraceIsRelativeToTheReportFolderAndItsIgnoredRacesAreExplained() {
        Path out = Path.of("/home/student/threadlab/target/grade");
        RaceAccess guarded = new RaceAccess("Thread-1", "Read", "threadlab/counterlock/CounterLock.owner",
                "threadlab.counterlock.CounterLock.lock");
        ExploredScenario explored = new ExploredScenario(ID, 30, "Maximum Iterations Reached", List.of(guarded),
                out.resolve("vmlens/counterlock/" + ID + "/run0.html").toString()).withPageRelativeTo(out);

        CheckOutcome verdict = InterleavingVerdicts.verdict(outcome(CheckStatus.PASSED, Reason.NONE, null),
                Optional.of(explored), null, List.of(), true);

        assertThat(verdict.message()).contains("its report shows the trace: vmlens/counterlock/" + ID
                + "/run0.html (in the report folder)").doesNotContain("/home/student")
                .contains("\"Data Race\" rows on accesses that hold a lock are false alarms");
        assertThat(explored.withPageRelativeTo(Path.of("/elsewhere")).reportPage()).isEqualTo(explored.reportPage());
    }

    private static CheckOutcome verdict(CheckOutcome outcome, String analysisError, boolean correctnessPassed) {
        return InterleavingVerdicts.verdict(outcome, Optional.empty(), analysisError, List.of(), correctnessPassed);
    }

    private static CheckOutcome outcome(CheckStatus status, Reason reason, String message) {
        return new CheckOutcome(ID, status, reason, message, 10);
    }
}
