package threadlab.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.rubric.Visibility;
import threadlab.grader.Grading;
import threadlab.grader.report.CheckReport;
import threadlab.grader.report.ExerciseReport;
import threadlab.grader.report.GradeReport;
import threadlab.grader.rubric.Rubric;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/** The host scores a container's result by its own rubric, from the typed results, ignoring the totals it reports. */
class HostScoringTest {

    @TempDir
    Path dir;

    @Test
    void scoresAndTotalsComeFromTheStatusesAndTheHostsRubric() throws Exception {
        Path rubricFile = dir.resolve("rubric.yaml");
        Files.writeString(rubricFile, "checks:\n  counterlock.trylock:\n    points: 5\n    hidden: true\n"
                + "  counterlock.lock-blocks:\n    drop: true\n");
        Rubric rubric = Rubric.fromFile(rubricFile, Grading.CATALOG);
        CheckReport failedButClaimsPoints = new CheckReport("counterlock.trylock", "correctness", "t", CheckStatus.FAILED,
                Reason.ASSERTION, 99, 99, "no", Visibility.VISIBLE, 1);
        CheckReport dropped = new CheckReport("counterlock.lock-blocks", "blocking", "b", CheckStatus.PASSED, Reason.NONE,
                1, 1, null, Visibility.VISIBLE, 1);
        CheckReport passed = new CheckReport("counterlock.mutual-exclusion", "correctness", "m", CheckStatus.PASSED,
                Reason.NONE, 0, 0, null, Visibility.VISIBLE, 1);
        GradeReport claimed = new GradeReport(1, "s", "v", "t", 1, false, 1000, 1000, List.of(new ExerciseReport(
                "counterlock", ExerciseReport.GRADED, 1000, 1000, List.of(failedButClaimsPoints, dropped, passed), List.of(),
                List.of(), null, "", null, List.of())), 0, List.of());

        GradeReport rescored = new HostScoring(rubric).rescore(claimed);

        List<CheckReport> checks = rescored.exercises().get(0).checks();
        assertThat(checks).extracting(CheckReport::id).containsExactly("counterlock.trylock", "counterlock.mutual-exclusion");
        assertThat(checks.get(0).score()).isZero();
        assertThat(checks.get(0).maxScore()).isEqualTo(5);
        assertThat(checks.get(0).hidden()).isTrue();
        double mutualExclusion = Grading.CATALOG.byId("counterlock.mutual-exclusion").orElseThrow().points();
        assertThat(checks.get(1).score()).isEqualTo(mutualExclusion);
        assertThat(rescored.score()).isEqualTo(mutualExclusion);
        assertThat(rescored.maxScore()).isEqualTo(5 + mutualExclusion);
    }
}
