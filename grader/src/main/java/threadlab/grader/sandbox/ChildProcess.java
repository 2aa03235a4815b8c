package threadlab.grader.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The one way the grader starts a child process: its output goes to files, its standard input gets a given text
 * and then end-of-input, it may run under a pids limit, and at its time limit — or if the grader is interrupted —
 * it is killed with every process it started. The check JVMs, the local sandbox, vmlens' tool runs and batch's git
 * preparation all start their processes here.
 */
public final class ChildProcess {

    private final List<String> command;
    private Path directory;
    private Map<String, String> environment = Map.of();
    private String stdin = "";
    private Path stdout;
    private Path stderr;
    private Duration timeLimit = Duration.ofMinutes(10);
    private int maxTasks;

    private ChildProcess(List<String> command) {
        this.command = List.copyOf(command);
    }

    /** A process that will run {@code command}; nothing starts before {@link #run()}. */
    public static ChildProcess of(List<String> command) {
        return new ChildProcess(command);
    }

    public ChildProcess directory(Path value) {
        this.directory = value;
        return this;
    }

    public ChildProcess environment(Map<String, String> value) {
        this.environment = Map.copyOf(value);
        return this;
    }

    /** Written to the process's standard input, which is closed afterwards (reading it further gives end-of-input). */
    public ChildProcess stdin(String value) {
        this.stdin = value;
        return this;
    }

    /** Where standard output goes; standard error goes there too unless {@link #stderr(Path)} is given. */
    public ChildProcess stdout(Path file) {
        this.stdout = file;
        return this;
    }

    public ChildProcess stderr(Path file) {
        this.stderr = file;
        return this;
    }

    public ChildProcess timeLimit(Duration value) {
        this.timeLimit = value;
        return this;
    }

    /** Caps the threads and processes of the child and its descendants, where this machine allows a pids cgroup. */
    public ChildProcess maxTasks(int value) {
        this.maxTasks = value;
        return this;
    }

    /**
     * How the process ended.
     *
     * @param exitCode          null when it was killed at its time limit
     * @param taskLimitReached  it (or a process it started) could not start a thread or process: the pids limit
     *                          was full
     */
    public record Ended(Integer exitCode, Duration elapsed, boolean taskLimitReached) {

        /** Whether it was killed at its time limit ({@link #exitCode()} is then null). */
        public boolean timedOut() {
            return exitCode == null;
        }
    }

    /**
     * Starts the process, waits for it within its time limit and leaves nothing of it running.
     *
     * @throws IOException if it cannot be started
     */
    public Ended run() throws IOException {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(environment);
        if (stdout != null) {
            builder.redirectOutput(stdout.toFile());
            if (stderr != null) {
                builder.redirectError(stderr.toFile());
            } else {
                builder.redirectErrorStream(true);
            }
        }
        Optional<PidsLimit> pids = maxTasks > 0 ? PidsLimit.create(maxTasks) : Optional.empty();
        pids.ifPresent(p -> builder.command(p.enteringFirst(command)));
        Process process = builder.start();
        try {
            feed(process, stdin);
            boolean ended = process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
            return new Ended(ended ? process.exitValue() : null, Duration.ofNanos(System.nanoTime() - start),
                    pids.map(PidsLimit::limitReached).orElse(false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + command.get(0) + " was running", e);
        } finally {
            killTree(process);
            pids.ifPresent(PidsLimit::close);
        }
    }

    private static void feed(Process process, String text) {
        try (OutputStream in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException ended) {
            // the process already ended or closed its input: nothing to feed
        }
    }

    /** Kills the process and every process it started (student code may spawn some). */
    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The end of a text file the process wrote, at most {@code max} characters ("" if there is none). */
    public static String tail(Path file, int max) {
        String text = read(file).strip();
        return text.length() <= max ? text : "..." + text.substring(text.length() - max);
    }

    /** A text file the process wrote, or "" if it wrote none. */
    public static String read(Path file) {
        try {
            return file != null && Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The {@code java} launcher of the JDK the grader runs on. */
    public static String javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Convenience for the common case: {@code java} with these arguments. */
    public static List<String> java(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(javaLauncher());
        command.addAll(arguments);
        return command;
    }
}
