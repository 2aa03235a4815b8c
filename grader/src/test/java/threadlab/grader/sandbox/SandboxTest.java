package threadlab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.Docker;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SandboxTest {

    private static final Duration LIMIT = Duration.ofSeconds(4);

    @TempDir
    Path work;

    @Test
    void aLocalSandboxKillsAJobAtItsLimitAndKeepsWhatItWrote() throws Exception {
        try (Sandbox sandbox = Sandboxes.open(SandboxMode.LOCAL, SandboxLimits.firstCpus(2))) {
            SandboxRun run = sandbox.run(probe("hang"));

            assertThat(sandbox.isolated()).isFalse();
            assertThat(sandbox.description()).contains("unisolated");
            assertThat(run.timedOut()).isTrue();
            assertThat(run.result()).hasValueSatisfying(f -> assertThat(f).content().contains("cpus="));
        }
    }

    @Test
    void aDockerSandboxPinsTheCpusCutsTheNetworkAndKillsAJobAtItsLimit() throws Exception {
        Docker.assumeAvailable();
        try (Sandbox sandbox = Sandboxes.open(SandboxMode.DOCKER, new SandboxLimits("0", 1L << 30, 256, 256))) {
            long start = System.nanoTime();
            SandboxRun run = sandbox.run(probe("hang"));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LIMIT.plusSeconds(30));
            assertThat(sandbox.isolated()).isTrue();
            assertThat(run.timedOut()).isTrue();
            assertThat(run.result()).hasValueSatisfying(f -> assertThat(f).content()
                    .contains("cpus=1").contains("network=unreachable"));
            assertThat(Docker.containersLabelled("io.threadlab.sandbox")).as("containers left behind").isEmpty();
        }
    }

    @Test
    void aDockerSandboxReportsTheExitCodeOfAJobThatEnds() throws Exception {
        Docker.assumeAvailable();
        try (Sandbox sandbox = Sandboxes.open(SandboxMode.DOCKER, SandboxLimits.firstCpus(2))) {
            SandboxRun run = sandbox.run(probe("end"));

            assertThat(run.exitCode()).isZero();
            assertThat(run.result()).isPresent();
        }
    }

    private SandboxJob probe(String mode) throws URISyntaxException {
        Path testClasses = Path.of(SandboxProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(Files.isDirectory(testClasses)).isTrue();
        return new SandboxJob(SandboxProbe.class.getName(), List.of(mode), List.of(testClasses), LIMIT, "probe.txt", work, "");
    }
}
