package threadlab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import threadlab.grader.rubric.Visibility;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/** Every status other than passed is explained in every report format that shows it. */
class StatusExplanationTest {

    @TempDir
    Path out;

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void everyFormatSaysWhatInconclusiveAndTimeoutMean(ReportFormat format) throws Exception {
        Path written = format.write(report(), out);
        String text = Files.isDirectory(written) ? read(written) : Files.readString(written);
        if (format == ReportFormat.JSON) {
            assertThat(text).contains("\"status\" : \"inconclusive\"").contains("\"reason\" : \"engine_limit\"");
            return; // the schema documents the statuses and reasons
        }
        assertThat(text).contains("inconclusive: the exploration engine reached its own limit")
                .contains("timeout: the check did not finish within its time limit");
    }

    private static String read(Path dir) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }

    private static GradeReport report() {
        CheckReport inconclusive = new CheckReport("counterlock.interleaved-increments", "interleavings", "increments",
                CheckStatus.INCONCLUSIVE, Reason.ENGINE_LIMIT, 3, 3, "Inconclusive, no points lost: vmlens did not finish.",
                Visibility.VISIBLE, 20_000);
        CheckReport timeout = new CheckReport("counterlock.lock-blocks", "blocking", "lock blocks", CheckStatus.TIMEOUT,
                Reason.TIMEOUT, 0, 2, "did not finish within 10 s", Visibility.VISIBLE, 10_000);
        ExerciseReport lock = new ExerciseReport("counterlock", ExerciseReport.GRADED, 3, 5, List.of(inconclusive, timeout),
                List.of(), List.of(), null, "", null, List.of());
        return new GradeReport(GradeReport.SCHEMA_VERSION, "student", "test", "2026-12-02T00:00:00Z", 1, false, 3, 5,
                List.of(lock), 30_000, List.of());
    }
}
