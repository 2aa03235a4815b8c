package threadlab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
     * A JVM names files in /tmp after its pid (perf data, the attach socket Lincheck's agent uses), and pids repeat
     * across PID namespaces: with one /tmp for all, the JVMs of two contained runs collided, and the loser printed a
     * warning on its standard output — where a process-map worker speaks its protocol.
     */
    @Test
    void aContainedProcessHasATmpOfItsOwnWithTheFoldersItsCommandNames() throws Exception {
        LocalContainment containment = withNamespaces();
        Path named = Files.createDirectory(Path.of("/tmp", "threadlab-test-" + UUID.randomUUID()));
        String probe = "threadlab-probe-" + UUID.randomUUID();
        // The probe is named relative to /tmp: a command that names a folder of /tmp gets the machine's.
        String writeProbe = "cd /tmp && mkdir -p hsperfdata_nobody && touch hsperfdata_nobody/" + probe + " " + probe;
        try {
            Files.setPosixFilePermissions(named, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(named.resolve("seen"), "the grader's folder");
            Path out = work.resolve("tmp.txt");

            ChildProcess.Ended ended = ChildProcess.of(containment.wrap(List.of("sh", "-c", "ls -A /tmp; cat " + named
                    + "/seen; echo; " + writeProbe))).stdout(out).timeLimit(Duration.ofSeconds(20)).run();

            assertThat(ended.exitCode()).as(Files.readString(out)).isZero();
            assertThat(Files.readAllLines(out)).as("a fresh /tmp: only the folder the command names, mounted back")
                    .containsExactly(named.getFileName().toString(), "the grader's folder");
            assertThat(Path.of("/tmp", probe)).as("what the process wrote in its /tmp stays there").doesNotExist();
            assertThat(Path.of("/tmp/hsperfdata_nobody", probe)).doesNotExist();

            // Positive control: the same command, not contained, writes into the machine's /tmp.
            ChildProcess.of(List.of("sh", "-c", "cd /tmp && touch " + probe)).stdout(out)
                    .timeLimit(Duration.ofSeconds(20)).run();
            assertThat(Path.of("/tmp", probe)).exists();
        } finally {
            Files.deleteIfExists(Path.of("/tmp", probe));
            Files.deleteIfExists(named.resolve("seen"));
            Files.deleteIfExists(named);
        }
    }

    private static LocalContainment withNamespaces() {
        Optional<LocalContainment> containment = LocalContainment.detect();
        assumeTrue(containment.isPresent() && LocalContainment.describe(containment).contains("network namespaces"),
                "needs root and namespaces: " + LocalContainment.describe(containment));
        return containment.get();
    }
}
