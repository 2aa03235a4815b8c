package threadlab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.harness.ResultChannel;

/** A batch container's result counts only when sealed with its run's secret. */
class SealedResultTest {

    @TempDir
    Path dir;

    @Test
    void aSealedResultReadsBack() throws Exception {
        String secret = ResultChannel.newSecret();
        Path file = dir.resolve("result.sealed");
        SealedResult.write(report(3), file, secret);

        assertThat(SealedResult.read(file, secret)).hasValueSatisfying(r -> assertThat(r.score()).isEqualTo(3));
    }

    @Test
    void aResultRewrittenAfterwardsIsRefused() throws Exception {
        String secret = ResultChannel.newSecret();
        Path file = dir.resolve("result.sealed");
        SealedResult.write(report(0), file, secret);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replace("\"score\" : 0.0", "\"score\" : 21.0"), StandardCharsets.UTF_8);

        assertThat(Files.readString(file)).contains("21.0");
        assertThat(SealedResult.read(file, secret)).isEmpty();
        assertThat(SealedResult.read(dir.resolve("missing"), secret)).isEmpty();
    }

    private static GradeReport report(double score) {
        return new GradeReport(GradeReport.SCHEMA_VERSION, "student", "test", "2026-12-02T00:00:00Z", 1, true, score, 21,
                List.of(), 0, List.of());
    }
}
