package threadlab.grader;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import threadlab.grader.sandbox.Sandboxes;

/** Tests that need a Docker engine: run where one answers, fail without one in CI, skip visibly elsewhere. */
public final class Docker {

    private Docker() {
    }

    /**
     * Aborts the calling test, saying so on the console, when no Docker engine answers; fails it instead under
     * {@code -Dthreadlab.docker=required} (CI), so container tests are never skipped silently there.
     */
    public static void assumeAvailable() {
        assumeContainerTestsOn();
        if (Sandboxes.dockerAvailable()) {
            return;
        }
        if (Grading.DOCKER_REQUIRED) {
            Assertions.fail("-Dthreadlab.docker=required, but no Docker engine answers (is dockerd running?)");
        }
        System.err.println("SKIPPED: no Docker engine answers, so the container tests do not run here"
                + " (CI runs them with -Dthreadlab.docker=required).");
        Assumptions.abort("no Docker engine answers");
    }

    /**
     * Aborts the calling test under {@code -Dthreadlab.docker=off}: CI's JDK 25 pass leaves the container and batch
     * tests to the JDK 17 pass.
     */
    public static void assumeContainerTestsOn() {
        if ("off".equals(System.getProperty("threadlab.docker"))) {
            System.err.println("SKIPPED: container and batch tests are off here (-Dthreadlab.docker=off).");
            Assumptions.abort("-Dthreadlab.docker=off");
        }
    }

    /** Ids of the containers, running or not, that carry {@code label}. */
    public static List<String> containersLabelled(String label) throws IOException, InterruptedException {
        Process ps = new ProcessBuilder("docker", "ps", "-aq", "--filter", "label=" + label).redirectErrorStream(true).start();
        if (!ps.waitFor(30, TimeUnit.SECONDS)) {
            ps.destroyForcibly();
            throw new IOException("docker ps did not answer");
        }
        return new String(ps.getInputStream().readAllBytes()).lines().filter(l -> !l.isBlank()).toList();
    }
}
