package threadlab.grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import threadlab.grader.harness.ResultChannel;

/**
 * A whole report sealed with a run's secret (the seal of the check JVMs' results, {@link ResultChannel}): how a
 * grader inside a batch container hands its result to the host, which accepts nothing else. A process the
 * student's code left behind can rewrite the file, but cannot seal what it writes.
 */
public final class SealedResult {

    private SealedResult() {
    }

    public static void write(GradeReport report, Path file, String secret) throws IOException {
        Files.writeString(file, ResultChannel.sealedDocument(secret, JsonReport.JSON.writeValueAsString(report)),
                StandardCharsets.UTF_8);
    }

    /** The report in {@code file} if it is sealed with {@code secret}; empty if missing, damaged or forged. */
    public static Optional<GradeReport> read(Path file, String secret) {
        try {
            Optional<String> json = ResultChannel.unsealedDocument(secret, Files.readString(file, StandardCharsets.UTF_8));
            return json.isEmpty() ? Optional.empty() : Optional.of(JsonReport.JSON.readValue(json.get(), GradeReport.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
