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
        String json = JsonReport.JSON.writeValueAsString(report);
        Files.writeString(file, ResultChannel.seal(secret, json) + "\n" + json, StandardCharsets.UTF_8);
    }

    /** The report in {@code file} if it is sealed with {@code secret}; empty if missing, damaged or forged. */
    public static Optional<GradeReport> read(Path file, String secret) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            if (newline < 0 || !ResultChannel.isSealed(secret, text.substring(newline + 1), text.substring(0, newline))) {
                return Optional.empty();
            }
            return Optional.of(JsonReport.JSON.readValue(text.substring(newline + 1), GradeReport.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
