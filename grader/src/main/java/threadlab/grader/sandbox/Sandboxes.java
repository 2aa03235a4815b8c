package threadlab.grader.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testcontainers.DockerClientFactory;

/** Chooses the sandbox for a {@link SandboxMode}. */
public final class Sandboxes {

    /** How long finding a Docker engine may take. */
    static final Duration DETECTION_LIMIT = Duration.ofSeconds(20);

    private Sandboxes() {
    }

    /**
     * A Docker sandbox with {@code limits} for {@code docker}, or for {@code auto} when a Docker engine answers;
     * otherwise a local one.
     *
     * @throws SandboxException for {@code docker} when no engine answers or the image cannot be built
     */
    public static Sandbox open(SandboxMode mode, SandboxLimits limits) {
        return open(mode, limits, null);
    }

    /**
     * As {@link #open(SandboxMode, SandboxLimits)}, labelling the Docker containers with {@code owner}, so that
     * {@link #removeContainersOf} can clean up after an owner that was killed.
     */
    public static Sandbox open(SandboxMode mode, SandboxLimits limits, String owner) {
        if (mode == SandboxMode.CONTAINER) {
            return new LocalSandbox(true, "a JVM in this submission's sandbox container ("
                    + Runtime.getRuntime().availableProcessors() + " CPUs pinned, no network)");
        }
        if (mode == SandboxMode.LOCAL || (mode == SandboxMode.AUTO && !dockerAvailable())) {
            return new LocalSandbox(false, "a JVM on this machine (unisolated: timings are advisory), "
                    + Runtime.getRuntime().availableProcessors() + " CPUs shared with everything else");
        }
        if (mode == SandboxMode.DOCKER && !dockerAvailable()) {
            throw new SandboxException("--sandbox docker needs a Docker engine, and none answers (is dockerd running,"
                    + " and may this user use it? DOCKER_HOST is honoured). Leave --sandbox out to run the"
                    + " benchmarks locally, as advisory.");
        }
        return new DockerSandbox(SandboxImage.ensure(), limits, owner);
    }

    /** Removes the containers, running or not, that a sandbox opened for {@code owner} started; returns how many. */
    public static int removeContainersOf(String owner) {
        DockerClient client = DockerClientFactory.instance().client();
        List<Container> left = client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(DockerSandbox.OWNER_LABEL, owner)).exec();
        for (Container container : left) {
            client.removeContainerCmd(container.getId()).withForce(true).exec();
        }
        return left.size();
    }

    /**
     * Whether a Docker engine answers, as Testcontainers finds it (DOCKER_HOST, the local socket, ...), within
     * {@link #DETECTION_LIMIT}: inside a container Testcontainers may otherwise spend minutes probing.
     */
    public static boolean dockerAvailable() {
        FutureTask<Boolean> probe = new FutureTask<>(() -> DockerClientFactory.instance().isDockerAvailable());
        Thread thread = new Thread(probe, "threadlab-docker-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            return probe.get(DETECTION_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
