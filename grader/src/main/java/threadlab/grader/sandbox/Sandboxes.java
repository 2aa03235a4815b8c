package threadlab.grader.sandbox;

import org.testcontainers.DockerClientFactory;

/** Chooses the sandbox for a {@link SandboxMode}. */
public final class Sandboxes {

    private Sandboxes() {
    }

    /**
     * A Docker sandbox with {@code limits} for {@code docker}, or for {@code auto} when a Docker engine answers;
     * otherwise a local one.
     *
     * @throws SandboxException for {@code docker} when no engine answers or the image cannot be built
     */
    public static Sandbox open(SandboxMode mode, SandboxLimits limits) {
        if (mode == SandboxMode.LOCAL || (mode == SandboxMode.AUTO && !dockerAvailable())) {
            return new LocalSandbox();
        }
        if (mode == SandboxMode.DOCKER && !dockerAvailable()) {
            throw new SandboxException("--sandbox docker needs a Docker engine, and none answers (is dockerd running,"
                    + " and may this user use it? DOCKER_HOST is honoured). Leave --sandbox out to run the"
                    + " benchmarks locally, as advisory.");
        }
        return new DockerSandbox(SandboxImage.ensure(), limits);
    }

    /** Whether a Docker engine answers, as Testcontainers finds it (DOCKER_HOST, the local socket, ...). */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
