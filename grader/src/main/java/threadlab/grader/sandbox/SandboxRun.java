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

    public boolean timedOut() {
        return exitCode == null;
    }
}
