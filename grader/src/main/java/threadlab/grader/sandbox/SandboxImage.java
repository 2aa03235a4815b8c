package threadlab.grader.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;
import threadlab.grader.GraderVersion;

/**
 * The sandbox image ({@code docker/Dockerfile}), built once per grader version and reused: never pulled, and
 * never rebuilt while it exists.
 *
 * <p>The base image comes from {@code THREADLAB_BASE_IMAGE} (or {@code -Dthreadlab.baseImage}) if set, else
 * from the offline base {@code threadlab/jdk-base:<java>} if {@code docker/build-offline-base.sh} made one,
 * else the Dockerfile's default, an official Temurin image the engine pulls from its registry.
 */
public final class SandboxImage {

    static final String DOCKERFILE = "threadlab/grader/sandbox/Dockerfile";
    private static final String OFFLINE_BASE = "threadlab/jdk-base:";

    private SandboxImage() {
    }

    /** The image's name for this grader version and Dockerfile: a changed Dockerfile gets a new image. */
    public static String name() {
        return "threadlab/sandbox:" + GraderVersion.get().replace('+', '-') + "-" + dockerfileHash();
    }

    private static String dockerfileHash() {
        try (InputStream in = SandboxImage.class.getClassLoader().getResourceAsStream(DOCKERFILE)) {
            if (in == null) {
                throw new SandboxException("the grader lacks its Dockerfile (" + DOCKERFILE + ")");
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new SandboxException("cannot read the grader's Dockerfile: " + e.getMessage(), e);
        }
    }

    /** Builds the image unless it exists; returns its name. */
    public static synchronized String ensure() {
        String name = name();
        DockerClient client = DockerClientFactory.instance().client();
        if (exists(client, name)) {
            return name;
        }
        ImageFromDockerfile build = new ImageFromDockerfile(name, false).withFileFromClasspath("Dockerfile", DOCKERFILE);
        baseImage(client).ifPresent(base -> build.withBuildArg("BASE_IMAGE", base));
        try {
            return build.get();
        } catch (RuntimeException e) {
            throw new SandboxException("could not build the sandbox image " + name + " from docker/Dockerfile: "
                    + rootMessage(e) + ". Without a registry, run docker/build-offline-base.sh first.", e);
        }
    }

    private static Optional<String> baseImage(DockerClient client) {
        String configured = Optional.ofNullable(System.getProperty("threadlab.baseImage"))
                .orElse(System.getenv("THREADLAB_BASE_IMAGE"));
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured.strip());
        }
        String offline = OFFLINE_BASE + Runtime.version().feature();
        if (exists(client, offline)) {
            return Optional.of(offline);
        }
        return exists(client, OFFLINE_BASE + "17") ? Optional.of(OFFLINE_BASE + "17") : Optional.empty();
    }

    private static boolean exists(DockerClient client, String image) {
        try {
            client.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
