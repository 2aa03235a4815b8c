package threadlab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a JVM contained on this machine (as root, with namespaces) can reach of the network. */
@Timeout(60)
class LocalContainmentTest {

    @TempDir
    Path work;

    @Test
    void aContainedProcessHasItsOwnLoopbackUpAndNoOtherNetwork() throws Exception {
        Optional<LocalContainment> containment = LocalContainment.detect();
        assumeTrue(containment.isPresent() && LocalContainment.describe(containment).contains("network namespaces"),
                "needs root and namespaces: " + LocalContainment.describe(containment));
        Path out = work.resolve("net.txt");

        ChildProcess.Ended ended = ChildProcess.of(containment.get().wrap(List.of("sh", "-c",
                "PATH=\"$PATH:/usr/sbin:/sbin\"; ip -o link show"))).stdout(out).timeLimit(Duration.ofSeconds(20)).run();

        assertThat(ended.exitCode()).isZero();
        // The I/O-bound benchmark talks to a server of its own over the loopback: down, it is not measured at all.
        assertThat(Files.readAllLines(out)).singleElement().asString().contains("lo:", "UP");
    }
}
