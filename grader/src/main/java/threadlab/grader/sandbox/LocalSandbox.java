package threadlab.grader.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a job in a JVM on this machine: its own process, heap limit, thread/process cap where the machine
 * allows one, and a time limit after which its whole process tree is killed. On a plain machine it shares the
 * CPUs with everything else, so timings measured here are advisory; inside a sandbox container it is isolated.
 */
final class LocalSandbox implements Sandbox {

    static final String HEAP = "-Xmx512m";

    private final boolean isolated;
    private final String description;

    LocalSandbox(boolean isolated, String description) {
        this.isolated = isolated;
        this.description = description;
    }

    @Override
    public SandboxRun run(SandboxJob job) {
        long start = System.nanoTime();
        Path log = job.resultsDir().resolve("sandbox-output.log");
        Optional<PidsLimit> pids = PidsLimit.create(PidsLimit.MAX_TASKS);
        Process process = null;
        try {
            Files.createDirectories(job.resultsDir());
            linkInputs(job);
            process = new ProcessBuilder(command(job)).directory(job.resultsDir().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Process started = process;
            pids.ifPresent(p -> p.add(started));
            boolean ended = process.waitFor(job.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
            Integer exit = ended ? process.exitValue() : null;
            return new SandboxRun(exit, read(log), result(job), Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            return new SandboxRun(-1, "could not start a JVM: " + e.getMessage(), Optional.empty(),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SandboxRun(null, "interrupted", result(job), Duration.ofNanos(System.nanoTime() - start));
        } finally {
            if (process != null) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            pids.ifPresent(PidsLimit::close);
        }
    }

    @Override
    public boolean isolated() {
        return isolated;
    }

    @Override
    public String description() {
        return description;
    }

    private static List<String> command(SandboxJob job) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(HEAP);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(job.classpath().stream().map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator)));
        command.add(job.mainClass());
        command.addAll(job.arguments());
        return command;
    }

    /** The inputs, at {@code input/<name>} in the working folder, as links: nothing is copied. */
    private static void linkInputs(SandboxJob job) throws IOException {
        if (job.inputs().isEmpty()) {
            return;
        }
        Path inputs = Files.createDirectories(job.resultsDir().resolve(SandboxJob.INPUT));
        for (Path input : job.inputs()) {
            Path link = inputs.resolve(input.getFileName().toString());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, input.toAbsolutePath());
        }
    }

    private static Optional<Path> result(SandboxJob job) {
        Path file = job.resultsDir().resolve(job.resultFile());
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
