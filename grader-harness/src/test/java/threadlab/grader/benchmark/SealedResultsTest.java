package threadlab.grader.benchmark;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.harness.ResultChannel;

/** A results file that student code wrote in the benchmark JVM does not read back. */
class SealedResultsTest {

    @TempDir
    Path dir;

    @Test
    void aForgedResultsFileIsRefused() throws IOException {
        Path file = dir.resolve("benchmark.json");
        String json = "{\"finished\":true,\"cpus\":2,\"rows\":[]}";
        Files.writeString(file, ResultChannel.seal(ResultChannel.newSecret(), json) + "\n" + json);

        assertThatThrownBy(() -> BenchmarkMain.read(file, ResultChannel.newSecret()))
                .isInstanceOf(IOException.class).hasMessageContaining("not written by the benchmark harness");
    }

    @Test
    void anUnsealedResultsFileIsRefused() throws IOException {
        Path file = dir.resolve("benchmark.json");
        Files.writeString(file, "{\"finished\":true,\"cpus\":2,\"rows\":[]}");

        assertThatThrownBy(() -> BenchmarkMain.read(file, ResultChannel.newSecret())).isInstanceOf(IOException.class);
    }
}
