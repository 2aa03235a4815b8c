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
        assertThat(log).containsExactly("solution, grading 1: 20/20 points", "solution, grading 2: 20/20 points");
    }

    @Test
    void aPackFromTheTemplatePassesItsSelfTestAsItIs() throws InterruptedException {
        Path pack = work.resolve("gate");
        PackTemplate.write("gate", pack);
        List<String> log = new ArrayList<>();

        List<String> problems = new PackVerification(PackFolder.open(pack), work.resolve("verify"), Grading.SANDBOX, log::add).run(1);

        assertThat(problems).as(String.join("\n", log)).isEmpty();
        assertThat(log).contains("fixture ForgetsToNotifyGate: loses [gate.releases-all, gate.interleaved-open]");
    }

    @Test
    void aFixtureThatKeepsItsCheckOrLosesAnotherAndAnUnaimedCheckAreEachNamed() throws IOException, InterruptedException {
        Path pack = work.resolve("gate");
        PackTemplate.write("gate", pack);
        deleteRecursively(pack.resolve("fixtures/SpinningGate"));
        Path latch = pack.resolve("fixtures/LatchGate/fixture.txt");
        Files.writeString(latch, Files.readString(latch).replace("loses: gate.policy", "loses: gate.timed-await"));

        List<String> problems = new PackVerification(PackFolder.open(pack), work.resolve("verify"), Grading.SANDBOX, line -> { }).run(1);

        assertThat(problems).anyMatch(p -> p.startsWith("fixture LatchGate") && p.contains("kept [gate.timed-await]"))
                .anyMatch(p -> p.startsWith("fixture LatchGate lost checks not aimed at its bug")
                        && p.contains("gate.policy"))
                .anyMatch(p -> p.startsWith("no fixture loses [gate.policy, gate.waiters-block]"));
    }

    private static void deleteRecursively(Path folder) {
        Packs.delete(folder);
        assertThat(folder).doesNotExist();
    }
}
