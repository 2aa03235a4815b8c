package threadlab.grader.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the student's code printed: the check JVMs' output, then each line printed while exploring, once. */
class StudentOutputTest {

    @TempDir
    Path work;

    @Test
    void showsTheCheckRunsOutputThenEachExploredLineOnceWithoutTheEnginesWarnings() throws Exception {
        write("run/stdout-1.log", "lock() called\n");
        write("run/stderr-1.log", "a stack trace of yours\n");
        write("model-checking/stdout-1.log", "took fork 0\ntook fork 0\ntook fork 1\n");
        write("model-checking/stderr-1.log", "[WARN] Failed to get object field offset for field arg$1\n");
        write("interleavings/counterlock.interleaved-increments/stdout-1.log", "took fork 0\n");

        assertThat(StudentOutput.of(work)).isEqualTo("a stack trace of yours\n\nlock() called\n\n"
                + "While the interleavings were explored:\ntook fork 0   (printed 3 times)\ntook fork 1");
    }

    @Test
    void isEmptyWhenNothingWasPrinted() throws Exception {
        write("model-checking/stdout-1.log", "\n");
        assertThat(StudentOutput.of(work)).isEmpty();
    }

    private void write(String file, String text) throws Exception {
        Path path = work.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
