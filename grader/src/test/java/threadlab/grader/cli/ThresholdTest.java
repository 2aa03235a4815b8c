package threadlab.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import threadlab.grader.exercise.Course;
import threadlab.grader.report.ExerciseReport;
import threadlab.grader.report.GradeReport;

/** {@code --fail-under}: of the whole score, or of one exercise's, as a course raises it over the term. */
class ThresholdTest {

    private static final GradeReport REPORT = new GradeReport(GradeReport.SCHEMA_VERSION, "s", "v", "t", 1, true, 30, 60,
            List.of(exercise("counterlock", 30, 30), exercise("threadsafeset", 0, 30)), 1000, List.of());

    @Test
    void aPlainPercentageIsOfTheWholeScore() {
        assertThat(Threshold.parse("50", Course.builtIn()).shortfall(REPORT)).isEmpty();
        assertThat(Threshold.parse("60", Course.builtIn()).shortfall(REPORT)).hasValue("Score 50.0% is below --fail-under 60.0%.");
    }

    @Test
    void anExercisesPercentageIsOfThatExerciseOnly() {
        assertThat(Threshold.parse("counterlock=100", Course.builtIn()).shortfall(REPORT)).isEmpty();
        assertThat(Threshold.parse("threadsafeset=1", Course.builtIn()).shortfall(REPORT))
                .hasValue("threadsafeset scored 0.0%, below --fail-under threadsafeset=1.0%.");
        assertThat(Threshold.parse("philosophers=100", Course.builtIn()).shortfall(REPORT)).as("not graded in this run").isEmpty();
    }

    @Test
    void aWrongRequirementIsAUsageError() {
        for (String wrong : List.of("150", "-1", "lots", "bankers=50", "counterlock=")) {
            assertThatThrownBy(() -> Threshold.parse(wrong, Course.builtIn())).as(wrong).isInstanceOf(ThreadLabCli.UsageProblem.class);
        }
    }

    private static ExerciseReport exercise(String id, double score, double max) {
        return new ExerciseReport(id, ExerciseReport.GRADED, score, max, List.of(), List.of(), List.of(), null, "", null, List.of());
    }
}
