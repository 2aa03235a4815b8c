package threadlab.grader.sandbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.PullPolicy;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Runs each job in a fresh container of the {@link SandboxImage}, started by Testcontainers: CPUs pinned by
 * cpuset (exact, unlike a CPU quota, which jitters), memory and process limits, no network but loopback. Only
 * the job's class path, mirrored folders and inputs go in (read-only to the job); only its result file comes out. The container is removed afterwards, whatever
 * the job did.
 */
final class DockerSandbox implements Sandbox {

    static final String WORK = "/threadlab/work";
    static final String INPUT = "/threadlab/input";
    /** Where mirrored paths that a tmpfs would hide (under /tmp, say) are copied; a link at their path points here. */
    static final String MIRROR = "/threadlab/mirror";
    private static final List<String> TMPFS = List.of(WORK, "/tmp");
    /** Label of every container the grader starts. */
    static final String LABEL = "io.threadlab.sandbox";
    /** Label naming who started a container (e.g. one batch), so a restarted batch can remove what a killed one left. */
    static final String OWNER_LABEL = "io.threadlab.owner";
    /** The idle main process outlives the job's limit by this much, then ends: a container orphaned by a killed grader stops by itself. */
    private static final Duration IDLE_MARGIN = Duration.ofMinutes(2);

    private final String image;
    private final SandboxLimits limits;
    private final String owner;

    /** @param owner the value of {@link #OWNER_LABEL} on its containers, or null */
    DockerSandbox(String image, SandboxLimits limits, String owner) {
        this.image = image;
        this.limits = limits;
        this.owner = owner;
    }

    @Override
    public SandboxRun run(SandboxJob job) {
        long start = System.nanoTime();
        ExecutorService waiter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "threadlab-sandbox-exec");
            t.setDaemon(true);
            return t;
        });
        try (GenericContainer<?> container = container(job)) {
            container.start();
            // The grader of a batch grading runs as root inside its container, so that it can run the student's code as
            // nobody and end every process of nobody's; any other job is nobody's (the image's user) from the start.
            Future<ExecResult> exec = waiter.submit(() -> job.trusted()
                    ? container.execInContainerWithUser(CONTAINER_ROOT, command(job))
                    : container.execInContainer(command(job)));
            Integer exit;
            String output;
            try {
                ExecResult result = exec.get(job.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
                exit = result.getExitCode();
                output = result.getStdout() + result.getStderr();
            } catch (TimeoutException e) {
                container.execInContainer("sh", "-c", "kill -9 -1"); // everything the job started; not the idle init
                exit = null;
                output = "";
            }
            return new SandboxRun(exit, output, copyResult(container, job), elapsedSince(start));
        } catch (ExecutionException e) {
            return new SandboxRun(-1, "the container could not run the job: " + e.getCause(), Optional.empty(), elapsedSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SandboxRun(null, "interrupted", Optional.empty(), elapsedSince(start));
        } catch (Exception e) {
            throw new SandboxException("the sandbox container failed: " + e.getMessage(), e);
        } finally {
            waiter.shutdownNow();
        }
    }

    private static final String CONTAINER_ROOT = "0:0";

    @Override
    public boolean isolated() {
        return true;
    }

    @Override
    public String description() {
        return "Docker container " + image + ", " + limits.describe();
    }

    private GenericContainer<?> container(SandboxJob job) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withImagePullPolicy(PullPolicy.defaultPolicy())
                .withNetworkMode("none")
                .withLabels(owner == null ? Map.of(LABEL, "job") : Map.of(LABEL, "job", OWNER_LABEL, owner))
                .withCommand("sleep", Long.toString(job.timeLimit().plus(IDLE_MARGIN).toSeconds()))
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                        .withCpusetCpus(limits.cpuset())
                        .withMemory(limits.memoryBytes())
                        .withMemorySwap(limits.memoryBytes())
                        .withPidsLimit((long) limits.maxTasks())
                        // The only places the job may write, bounded and counted in its memory: a disk-filling
                        // submission fills these, not the host's disk. The rest is root's, read-only to nobody.
                        .withTmpFs(Map.of(WORK, "rw,exec,size=1g,uid=65534,gid=65534,mode=0755",
                                "/tmp", "rw,exec,size=256m,mode=1777")));
        // The class path (and tools the program finds by absolute path) at the same paths inside: the program
        // sees the paths the grader computed, e.g. vmlens' agent folder.
        for (Path entry : mirrored(job)) {
            container.withCopyFileToContainer(MountableFile.forHostPath(entry, 0755),
                    hiddenByTmpfs(entry) ? MIRROR + entry : entry.toString());
        }
        for (Path input : job.inputs()) {
            container.withCopyFileToContainer(MountableFile.forHostPath(input, 0755), INPUT + "/" + input.getFileName());
        }
        return container;
    }

    /**
     * The job's command, after linking into the tmpfs mounts what the job expects there: its inputs in its working
     * folder, and mirrored paths under {@code /tmp}.
     */
    private String[] command(SandboxJob job) {
        StringBuilder links = new StringBuilder("ln -s " + INPUT + " " + WORK + "/" + SandboxJob.INPUT + "; ");
        for (Path entry : mirrored(job)) {
            if (hiddenByTmpfs(entry)) {
                links.append("mkdir -p ").append(quoted(entry.getParent().toString())).append(" && ln -s ")
                        .append(quoted(MIRROR + entry)).append(' ').append(quoted(entry.toString())).append("; ");
            }
        }
        // The secret reaches the program through a here-document on its standard input: it never appears on a
        // command line that the program's processes could read.
        String stdin = job.secret().isEmpty() ? " </dev/null" : " <<'THREADLAB_SECRET'\n" + job.secret() + "\nTHREADLAB_SECRET\n";
        List<String> command = new ArrayList<>(List.of("sh", "-c", links + "exec \"$0\" \"$@\"" + stdin, "java", "-Xmx" + limits.heapMegabytes() + "m",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true"));
        // Entries a tmpfs hides are reached at their copy, not through the link: the module system does not follow a
        // link at the root of an exploded module when it looks for its packages.
        command.addAll(job.launch(":", p -> hiddenByTmpfs(p) ? Path.of(MIRROR + p) : p));
        return command.toArray(String[]::new);
    }

    private static boolean hiddenByTmpfs(Path path) {
        return TMPFS.stream().anyMatch(mount -> path.startsWith(mount));
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static Set<Path> mirrored(SandboxJob job) {
        Set<Path> paths = new LinkedHashSet<>();
        job.classpath().forEach(p -> paths.add(p.toAbsolutePath()));
        job.modulePath().forEach(p -> paths.add(p.toAbsolutePath()));
        job.mirrored().forEach(p -> paths.add(p.toAbsolutePath()));
        return paths;
    }

    /** Reads the result through {@code cat}: {@code docker cp} does not see into the tmpfs working folder. */
    private static Optional<Path> copyResult(GenericContainer<?> container, SandboxJob job) {
        Path target = job.resultsDir().resolve(job.resultFile());
        try {
            ExecResult read = container.execInContainer("cat", WORK + "/" + job.resultFile());
            if (read.getExitCode() != 0) {
                return Optional.empty(); // the job never wrote it
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, read.getStdout(), StandardCharsets.UTF_8);
            return Optional.of(target);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static Duration elapsedSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
