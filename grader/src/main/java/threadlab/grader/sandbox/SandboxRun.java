package threadlab.grader.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How a {@link SandboxJob} ended.
 *
 * @param exitCode the program's exit code, or null when it was killed at its time limit
 * @param output   the end of what it printed (stdout and stderr)
 * @param result   the result file, copied out, if the program wrote one
 * @param elapsed  wall-clock time, set-up included
 */
public record SandboxRun(Integer exitCode, String output, Optional<Path> result, Duration elapsed) {

    private static final int OUTPUT_TAIL = 4_000;

    /** Keeps only the end of the output: what a job printed last says most about how it ended. */
    public SandboxRun {
        output = output.length() <= OUTPUT_TAIL ? output : "...\n" + output.substring(output.length() - OUTPUT_TAIL);
    }

    public boolean timedOut() {
        return exitCode == null;
    }
}
