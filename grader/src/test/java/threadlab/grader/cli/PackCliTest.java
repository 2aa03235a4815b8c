package threadlab.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static threadlab.grader.cli.ThreadLabCliTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.Docker;
import threadlab.grader.Grading;
import threadlab.grader.ProjectLayout;
import threadlab.grader.cli.ThreadLabCliTest.Run;
import threadlab.grader.sandbox.Sandboxes;

/** An instructor's pack on the command line: listed, graded in every format and in batch, scaffolded, refused when broken. */
@DisplayName("Exercise packs on the command line")
class PackCliTest {

    private static final Path BARRIER = ProjectLayout.root().resolve("packs/barrier");

    @Test
    void listsAPacksChecksAfterTheBuiltInOnes() {
        Run run = run("list", "--packs", BARRIER.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("processmap (").contains("barrier (23 points)")
                .contains("barrier.releases-together").contains("barrier.interleaved-generations").contains("barrier.throughput");
        assertThat(run.out().indexOf("barrier (")).isGreaterThan(run.out().indexOf("processmap ("));
    }

    @Test
    void gradesAPacksExerciseInEveryReportFormat(@TempDir Path out) throws Exception {
        Run run = run("grade", "--packs", BARRIER.toString(), "--exercise", "barrier", "--quick", "--seed", "5",
                "--submission", BARRIER.resolve("solution").toString(), "--out", out.toString(),
                "--format", "text,json,gradescope,junit,html,markdown");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("barrier").contains("Total: 18/18 points (100%)")
                .contains("--exercise barrier (with the same --packs)");
        JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertThat(result.get("exercises").get(0).get("id").asText()).isEqualTo("barrier");
        assertThat(Files.readString(out.resolve("junit/TEST-threadlab.barrier.xml"))).contains("barrier.spurious-wakeup");
        assertThat(Files.readString(out.resolve("report.html"))).contains("barrier.reset");
        assertThat(new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("score").asDouble()).isEqualTo(18);
        assertThat(Files.list(out).map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".md"));
    }

    @Test
    void gradesAPacksExerciseInBatch(@TempDir Path work) throws Exception {
        Docker.assumeContainerTestsOn();
        Path student = Files.createDirectories(work.resolve("class/alice/threadlab/barrier"));
        Files.copy(BARRIER.resolve("solution/threadlab/barrier/Barrier.java"), student.resolve("Barrier.java"));
        boolean docker = Sandboxes.dockerAvailable() || Grading.DOCKER_REQUIRED;

        Run run = run("batch", work.resolve("class").toString(), "--out", work.resolve("out").toString(),
                "--packs", BARRIER.toString(), "--exercise", "barrier", "--quick", "--jobs", "1",
                "--sandbox", docker ? "docker" : "local");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(work.resolve("out/gradebook.csv"))).hasSize(2)
                .first().asString().contains("barrier");
        assertThat(Files.readAllLines(work.resolve("out/gradebook.csv")).get(1)).startsWith("alice,").contains(",18,");
    }

    @Test
    void scaffoldsANewPackAndRefusesABadId(@TempDir Path dir) {
        Run made = run("pack", "new", "latch", "--into", dir.resolve("latch").toString());
        Run bad = run("pack", "new", "Latch-2", "--into", dir.resolve("bad").toString());
        Run again = run("pack", "new", "latch", "--into", dir.resolve("latch").toString());

        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.out()).contains("Next: ./grade pack verify");
        assertThat(dir.resolve("latch/solution/threadlab/latch/Latch.java")).exists();
        assertThat(dir.resolve("latch/checks/threadlab/grader/packs/latch/LatchChecks.java")).content()
                .contains("\"latch.releases-all\"");
        assertThat(List.of(bad, again)).allSatisfy(r -> assertThat(r.exitCode()).isEqualTo(ThreadLabCli.USAGE));
        assertThat(bad.err()).contains("'Latch-2' cannot name an exercise");
        assertThat(again.err()).contains("exists already");
    }

    @Test
    void refusesWhatIsNotAPackOrDoesNotBuildInOneLineAndNeedsPacksForTheirExercises(@TempDir Path dir) throws Exception {
        Run notAPack = run("list", "--packs", dir.toString());
        Files.createDirectories(dir.resolve("broken"));
        run("pack", "new", "broken", "--into", dir.resolve("broken/pack").toString());
        Path checks = dir.resolve("broken/pack/checks/threadlab/grader/packs/broken/BrokenChecks.java");
        Files.writeString(checks, Files.readString(checks).replace("void policy() {", "void policy() { int x = \"\";"));
        Run doesNotCompile = run("grade", "--packs", dir.resolve("broken/pack").toString(), "--exercise", "broken");
        run("pack", "new", "untested", "--into", dir.resolve("untested").toString());
        Path untestedChecks = dir.resolve("untested/checks/threadlab/grader/packs/untested/UntestedChecks.java");
        Files.writeString(untestedChecks, Files.readString(untestedChecks)
                .replaceFirst("@Test\\s+@Check\\(id = \"untested.releases-all\"", "@Check(id = \"untested.releases-all\""));
        Run checkWithoutTest = run("list", "--packs", dir.resolve("untested").toString());
        Run withoutPacks = run("grade", "--exercise", "barrier");
        Run emptyJar = run("list", "--packs", Files.createFile(dir.resolve("course.jar")).toString());
        Run unknownId = run("pack", "verify", "nosuch");

        assertThat(List.of(notAPack, doesNotCompile, checkWithoutTest, withoutPacks, unknownId))
                .allSatisfy(r -> assertThat(r.exitCode()).isEqualTo(ThreadLabCli.USAGE))
                .allSatisfy(r -> assertThat(r.out()).isEmpty());
        assertThat(notAPack.err().lines().findFirst()).hasValueSatisfying(l -> assertThat(l)
                .contains("invalid pack: " + dir + ": not an exercise pack"));
        assertThat(doesNotCompile.err()).contains("checks/ does not compile").contains("BrokenChecks.java:")
                .contains("incompatible types");
        assertThat(checkWithoutTest.err()).contains("check untested.releases-all (threadlab.grader.packs.untested."
                + "UntestedChecks.releasesAll) has @Check but no @Test");
        assertThat(withoutPacks.err()).contains("unknown exercise 'barrier'").contains("needs --packs");
        assertThat(emptyJar.exitCode()).isEqualTo(ThreadLabCli.USAGE);
        assertThat(emptyJar.err()).contains("course.jar: holds no exercise pack");
        assertThat(unknownId.err()).contains("invalid pack: nosuch: no pack folder and no built-in exercise")
                .contains("counterlock");
    }
}
