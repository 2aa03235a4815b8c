package threadlab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a JVM contained on this machine (as root, with namespaces) can reach of the network and of the file system. */
@Timeout(60)
class LocalContainmentTest {

    @TempDir
    Path work;

    @Test
    void aContainedProcessHasItsOwnLoopbackUpAndNoOtherNetwork() throws Exception {
        LocalContainment containment = withNamespaces();
        Path out = work.resolve("net.txt");

        ChildProcess.Ended ended = ChildProcess.of(containment.wrap(List.of("sh", "-c",
                "PATH=\"$PATH:/usr/sbin:/sbin\"; ip -o link show"))).stdout(out).timeLimit(Duration.ofSeconds(20)).run();

        assertThat(ended.exitCode()).isZero();
        // The I/O-bound benchmark talks to a server of its own over the loopback: down, it is not measured at all.
        assertThat(Files.readAllLines(out)).singleElement().asString().contains("lo:", "UP");
    }

    /**
     * A JVM names its perf-data file after its pid, and pids repeat across PID namespaces: shared, the folder made the
     * JVMs of two contained runs collide, and the loser printed a warning on its standard output — where a process-map
     * worker speaks its protocol.
     */
    @Test
    void perfDataOfAContainedJvmStaysInItsNamespace() throws Exception {
        LocalContainment containment = withNamespaces();
        String probe = "threadlab-probe-" + UUID.randomUUID();
        Path out = work.resolve("perf.txt");

        ChildProcess.Ended ended = ChildProcess.of(containment.wrap(List.of("sh", "-c",
                "touch /tmp/hsperfdata_nobody/" + probe + " && ls /tmp/hsperfdata_nobody"))).stdout(out)
                .timeLimit(Duration.ofSeconds(20)).run();

        assertThat(ended.exitCode()).as(Files.readString(out)).isZero();
        assertThat(Files.readAllLines(out)).as("the folder starts empty in each namespace").containsExactly(probe);
        assertThat(Path.of("/tmp/hsperfdata_nobody", probe)).doesNotExist();
    }

    private static LocalContainment withNamespaces() {
        Optional<LocalContainment> containment = LocalContainment.detect();
        assumeTrue(containment.isPresent() && LocalContainment.describe(containment).contains("network namespaces"),
                "needs root and namespaces: " + LocalContainment.describe(containment));
        return containment.get();
    }
}
