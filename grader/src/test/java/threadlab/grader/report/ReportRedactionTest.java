package threadlab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.rubric.Visibility;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/** The details of a hidden check reach no student-facing file, in any format; the instructor's copy keeps them. */
class ReportRedactionTest {

    private static final String SECRET_DETAIL = "hidden check detail 7f3a";

    @TempDir
    Path out;

    @Test
    void noFormatWritesAHiddenChecksDetails() throws Exception {
        GradeReport report = report();
        for (ReportFormat format : ReportFormat.values()) {
            format.write(report, out);
        }

        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile)).isNotEmpty().allSatisfy(f ->
                    assertThat(Files.readString(f, StandardCharsets.UTF_8)).as(f.toString()).doesNotContain(SECRET_DETAIL));
        }
        assertThat(Files.readString(out.resolve("result.json"))).contains("visible check detail");
    }

    @Test
    void theInstructorsCopyKeepsThem() throws Exception {
        Path file = ReportFormat.writeForInstructors(report(), out);

        assertThat(Files.readString(file)).contains(SECRET_DETAIL, "\"reason\" : \"assertion\"");
    }

    @Test
    void pointsAreWrittenTheSameInEveryLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertThat(Points.of(12.5, 20)).isEqualTo("12.5/20");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    private static GradeReport report() {
        CheckReport hidden = new CheckReport("counterlock.trylock", "correctness", "tryLock", CheckStatus.FAILED,
                Reason.ASSERTION, 0, 2, SECRET_DETAIL, Visibility.HIDDEN, 5);
        CheckReport visible = new CheckReport("counterlock.lock-blocks", "blocking", "lock blocks", CheckStatus.FAILED,
                Reason.BUSY_WAITING, 0, 1, "visible check detail", Visibility.VISIBLE, 5);
        ExerciseReport exercise = new ExerciseReport("counterlock", ExerciseReport.GRADED, 0, 3, List.of(hidden, visible),
                List.of(), List.of(), null, "", null, List.of());
        return new GradeReport(GradeReport.SCHEMA_VERSION, "student", "test", "2026-12-02T00:00:00Z", 1, true, 0, 3,
                List.of(exercise), 0, List.of());
    }
}
