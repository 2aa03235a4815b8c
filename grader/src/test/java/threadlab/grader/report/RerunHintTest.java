package threadlab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import threadlab.grader.exercise.Course;
import threadlab.grader.exercise.Exercise;

/** The command a report gives for making the same random choices again. */
class RerunHintTest {

    @Test
    void namesTheSeedAndTheExercisesGradedAndPromisesNoSameScheduling() {
        String hint = report(List.of("counterlock", "boundedbuffer")).rerunHint();

        assertThat(hint).startsWith("./grade grade --seed 42 --exercise counterlock --exercise boundedbuffer ")
                .contains("scheduling noise").contains("scheduled still differs").doesNotContain("exactly");
    }

    @Test
    void leavesTheExercisesOutWhenAllWereGraded() {
        String hint = report(Course.builtIn().exercises().stream().map(Exercise::id).toList()).rerunHint();

        assertThat(hint).startsWith("./grade grade --seed 42 makes").doesNotContain("--exercise");
    }

    private static GradeReport report(List<String> exercises) {
        List<ExerciseReport> graded = exercises.stream().map(id -> new ExerciseReport(id, ExerciseReport.GRADED, 0, 0,
                List.of(), List.of(), List.of(), null, "", null, List.of())).toList();
        return new GradeReport(GradeReport.SCHEMA_VERSION, "student", "test", "2026-12-02T00:00:00Z", 42, true, 0, 0,
                graded, 0, List.of());
    }
}
