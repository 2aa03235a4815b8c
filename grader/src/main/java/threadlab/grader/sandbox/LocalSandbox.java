package threadlab.grader.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Runs a job in a JVM on this machine: its own process, heap limit, thread/process cap where the machine
 * allows one, and a time limit after which its whole process tree is killed. On a plain machine it shares the
 * CPUs with everything else, so timings measured here are advisory; inside a sandbox container it is isolated.
 */
final class LocalSandbox implements Sandbox {

    static final String HEAP = "-Xmx512m";

    private final boolean isolated;
    private final String description;
    private final Optional<LocalContainment> containment;

    LocalSandbox(boolean isolated, String description) {
        this.isolated = isolated;
        this.description = description;
        this.containment = LocalContainment.detect(isolated);
    }

    @Override
    public SandboxRun run(SandboxJob job) {
        long start = System.nanoTime();
        Path log = job.resultsDir().resolve("sandbox-output.log");
        try {
            Files.createDirectories(job.resultsDir());
            linkInputs(job);
            ChildProcess.Ended ended = ChildProcess.of(contained(job)).directory(job.resultsDir()).stdin(job.stdin())
                    .stdout(log).timeLimit(job.timeLimit()).maxTasks(PidsLimit.MAX_TASKS).run();
            containment.ifPresent(LocalContainment::afterRun);
            return new SandboxRun(ended.exitCode(), ChildProcess.read(log), result(job), ended.elapsed());
        } catch (IOException e) {
            boolean interrupted = Thread.currentThread().isInterrupted();
            return new SandboxRun(interrupted ? null : -1, interrupted ? "interrupted" : "could not start a JVM: "
                    + e.getMessage(), result(job), Duration.ofNanos(System.nanoTime() - start));
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

    /**
     * A job that runs student code directly is contained where this machine allows it. A trusted job (batch
     * grading's grader) contains the student code it runs itself, so it keeps the grader's rights.
     */
    private List<String> contained(SandboxJob job) {
        if (containment.isEmpty() || job.trusted()) {
            return command(job);
        }
        LocalContainment box = containment.get();
        box.giveToStudent(job.resultsDir());
        SandboxJob readable = new SandboxJob(job.mainClass(), job.arguments(), box.readable(job.classpath()),
                job.timeLimit(), job.resultFile(), job.resultsDir(), job.inputs(), job.mirrored(), job.secret(),
                box.readable(job.modulePath()), job.mainModule(), job.trusted());
        return box.wrap(command(readable));
    }

    private static List<String> command(SandboxJob job) {
        List<String> command = new ArrayList<>();
        command.add(HEAP);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Djava.awt.headless=true");
        command.addAll(job.launch(File.pathSeparator, UnaryOperator.identity()));
        return ChildProcess.java(command);
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
}
