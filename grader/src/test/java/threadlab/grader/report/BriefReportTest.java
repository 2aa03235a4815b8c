package threadlab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The few lines {@code --watch} prints after each grading. */
class BriefReportTest {

    @Test
    void showsTheTimeWithSecondsEvenOnTheMinute() {
        GradeReport report = new GradeReport(GradeReport.SCHEMA_VERSION, "student", "test", "2026-12-03T06:11:00Z", 7,
                true, 0, 22, List.of(new ExerciseReport("philosophers", ExerciseReport.NOT_STARTED, 0, 22, List.of(),
                        List.of(), List.of(), null, "", null, List.of())), 0, List.of());

        assertThat(TextReport.brief(report, LocalTime.of(6, 11, 0))).startsWith("\n[06:11:00] 0/22 points (0%)\n")
                .contains("philosophers").contains("not started");
        assertThat(TextReport.brief(report, LocalTime.of(6, 11, 7))).contains("[06:11:07]");
    }
}
