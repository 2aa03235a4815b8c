package threadlab.grader.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.Grading;
import threadlab.grader.ProjectLayout;
import threadlab.grader.mutation.MutationOperator;
import threadlab.grader.mutation.MutationTable;

/** A pack's self-test passes for a good pack, and names what is wrong with a bad one. */
@DisplayName("Exercise packs verify themselves")
class PackVerificationTest {

    @TempDir
    Path work;

    /**
     * CI's JDK 25 pass leaves the explorations out (-Dthreadlab.interleavings=false), and with them these self-tests,
     * which explore with Lincheck: they run in the JDK 17 pass.
     */
    @BeforeEach
    void onlyWhereTheExplorationsRun() {
        assumeTrue(Grading.EXPLORE_INTERLEAVINGS, "-Dthreadlab.interleavings=false: the packs' self-tests run on JDK 17");
    }

    /** The rest of the barrier's self-test, its stub and fixtures, runs with the other packs' in BuggyFixturesTest. */
    @Test
    void theBarrierSolutionEarnsFullMarksEveryTime() {
        Path barrier = ProjectLayout.root().resolve("packs/barrier");
        List<String> log = new ArrayList<>();
        PackVerification verification = new PackVerification(PackFolder.open(barrier), work, Grading.SANDBOX, log::add);

        List<String> problems = new ArrayList<>(verification.solutionEarnsFullMarks(1));
        problems.addAll(verification.solutionEarnsFullMarks(2));

        assertThat(problems).as(String.join("\n", log)).isEmpty();
        assertThat(log).containsExactly("solution, grading 1: 23/23 points", "solution, grading 2: 23/23 points");
    }

    @Test
    void aPackFromTheTemplatePassesItsSelfTestAsItIs() throws InterruptedException {
        Path pack = work.resolve("gate");
        PackTemplate.write("gate", pack);
        List<String> log = new ArrayList<>();

        List<String> problems = new PackVerification(PackFolder.open(pack), work.resolve("verify"), Grading.SANDBOX, log::add).run(1);

        assertThat(problems).as(String.join("\n", log)).isEmpty();
        assertThat(log).anyMatch(line -> line.startsWith(
                "fixture ForgetsToNotifyGate: loses [gate.releases-all, gate.interleaved-open] (graded in "));
    }

    @Test
    void aFixtureThatKeepsItsCheckOrLosesAnotherAndAnUnaimedCheckAreEachNamed() throws IOException, InterruptedException {
        Path pack = work.resolve("gate");
        PackTemplate.write("gate", pack);
        deleteRecursively(pack.resolve("fixtures/SpinningGate"));
        deleteRecursively(pack.resolve("fixtures/ForgetsToNotifyGate"));
        deleteRecursively(pack.resolve("fixtures/SleepPollingGate"));
        Path latch = pack.resolve("fixtures/LatchGate/fixture.txt");
        Files.writeString(latch, Files.readString(latch).replace("loses: gate.policy", "loses: gate.timed-await"));
        PackVerification verification = new PackVerification(PackFolder.open(pack), work.resolve("verify"),
                Grading.SANDBOX, line -> { });

        List<String> problems = new ArrayList<>(verification.fixturesLoseWhatTheyAimAt());
        problems.addAll(verification.unaimedChecks());

        assertThat(problems).anyMatch(p -> p.startsWith("fixture LatchGate") && p.contains("kept [gate.timed-await]"))
                .anyMatch(p -> p.startsWith("fixture LatchGate lost checks not aimed at its bug")
                        && p.contains("gate.policy"))
                .anyMatch(p -> p.startsWith("no fixture loses [gate.interleaved-open, gate.policy, gate.releases-all, "
                        + "gate.throughput, gate.waiters-block]"));
    }

    @Test
    void aSweepOfTheAimedChecksGradesABuggyFixtureByTheChecksItMustLoseOnly() {
        Path pack = work.resolve("gate");
        PackTemplate.write("gate", pack);
        PackVerification verification = new PackVerification(PackFolder.open(pack), work.resolve("verify"),
                Grading.SANDBOX, line -> { });
        Fixture latch = verification.fixtures().stream().filter(f -> f.name().equals("LatchGate")).findFirst().orElseThrow();

        assertThat(verification.gradeInCheckJvms(latch, FixtureSweep.Breadth.AIMED_CHECKS)).containsOnlyKeys("gate.policy");
        assertThat(verification.gradeInCheckJvms(latch, FixtureSweep.Breadth.EVERY_CHECK))
                .containsOnlyKeys("gate.policy", "gate.releases-all", "gate.timed-await", "gate.waiters-block");
    }

    @Test
    void aPacksMutationScoreGradesTheMutantsOfItsSolutionAndLeavesTheEquivalentOnesOut() throws IOException {
        Path pack = work.resolve("gate");
        PackTemplate.write("gate", pack);
        Files.createDirectories(pack.resolve("mutation"));
        Files.writeString(pack.resolve("mutation/equivalent.txt"), "# the gate's own\n"
                + "gate/Gate.java:18 remove_synchronized_method -- stands in for a reason here\n");
        List<String> log = new ArrayList<>();
        PackVerification verification = new PackVerification(PackFolder.open(pack), work.resolve("verify"),
                Grading.SANDBOX, log::add);

        MutationTable table = verification.mutationScore(1, m -> m.operator() == MutationOperator.DROP_WAKE_UP
                || m.id().equals("gate/Gate.java:18 remove_synchronized_method"));

        assertThat(table.size()).isEqualTo(2);
        assertThat(table.nonEquivalent()).isEqualTo(1);
        assertThat(table.killRate()).isEqualTo(1.0);
        assertThat(log).singleElement().asString().startsWith("mutant gate/Gate.java:15 drop_wake_up")
                .contains("killed by [gate.releases-all");
        assertThat(table.markdown()).contains("| drop a notify or signal | 1 | 1 | 0 | 0 | 0 | 100 % |")
                .contains("stands in for a reason here");
    }

    private static void deleteRecursively(Path folder) {
        Packs.delete(folder);
        assertThat(folder).doesNotExist();
    }
}
