package threadlab.grader.engine;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.checks.support.ForbiddenApis;
import threadlab.grader.runner.CheckEvent;
import threadlab.grader.runner.CheckStatus;
import threadlab.grader.runner.EventLog;
import threadlab.grader.runner.ForkMain;
import threadlab.grader.sandbox.PidsLimit;

/**
 * Runs checks on a submission in forked JVMs, so that nothing the student's code does can harm the
 * grader, and no result is lost.
 *
 * <p>Each JVM gets a heap limit and a wall-clock limit; its checks stream their outcomes to an event
 * log. When a JVM dies early (the student's code called {@code System.exit}, ran out of memory, or a
 * check hung and the watchdog ended it), the check it was running is charged with what happened and
 * a fresh JVM runs the checks that remain. A total time budget bounds a submission that hangs everywhere.
 */
final class IsolatedCheckRun {

    static final String HEAP = "-Xmx384m";
    private static final Duration JVM_GRACE = Duration.ofSeconds(20);
    /** Below this, starting one more JVM cannot run a check: the remaining checks are skipped. */
    private static final Duration MIN_USEFUL_TIME = Duration.ofSeconds(5);
    /** The watchdog inside the JVM must fire this long before the kill from outside. */
    private static final Duration WATCHDOG_LEAD = Duration.ofSeconds(3);
    private static final int OUTPUT_SHOWN = 2_000;

    private final List<Path> graderClasspath;
    private final Path classes;
    private final Path runDir;
    private final long seed;
    private final Optional<String> javaAgent;
    private int jvmCount;

    IsolatedCheckRun(List<Path> graderClasspath, Path classes, Path runDir, long seed, Optional<String> javaAgent) {
        this.graderClasspath = graderClasspath;
        this.classes = classes;
        this.runDir = runDir;
        this.seed = seed;
        this.javaAgent = javaAgent;
    }

    /** Runs {@code checks}, restarting JVMs as needed, within {@code budget}; one outcome per check. */
    List<CheckOutcome> run(List<CheckDefinition> checks, Duration budget) {
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
        long deadline = System.nanoTime() + budget.toNanos();
        List<CheckDefinition> remaining = new ArrayList<>(checks);
        while (!remaining.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left < MIN_USEFUL_TIME.toNanos()) {
                remaining.forEach(c -> outcomes.put(c.id(), new CheckOutcome(c.id(), CheckStatus.SKIPPED,
                        "Not run: the time budget of this exercise (" + budget.toSeconds() + " s) was used up by earlier "
                                + "checks that hung. Fix those first.", 0)));
                break;
            }
            runOneJvm(remaining, Duration.ofNanos(left), outcomes);
            remaining.removeIf(c -> outcomes.containsKey(c.id()));
        }
        return checks.stream().map(c -> outcomes.get(c.id())).collect(Collectors.toList());
    }

    private void runOneJvm(List<CheckDefinition> checks, Duration timeLeft, Map<String, CheckOutcome> outcomes) {
        int jvm = ++jvmCount;
        Path events = runDir.resolve("events.jsonl");
        Path stdout = runDir.resolve("stdout-" + jvm + ".log");
        Path stderr = runDir.resolve("stderr-" + jvm + ".log");
        int skip = EventLog.read(events).size();
        Duration limit = min(timeLeft, checks.stream().map(c -> Duration.ofSeconds(c.timeoutSeconds()))
                .reduce(JVM_GRACE, Duration::plus));

        Optional<PidsLimit> pids = PidsLimit.create(PidsLimit.MAX_TASKS);
        Process process = start(checks, events, stdout, stderr, limit.minus(WATCHDOG_LEAD));
        pids.ifPresent(p -> p.add(process));
        closeQuietly(process); // student code reading System.in sees end-of-input, not a hang
        boolean exited = waitFor(process, limit);
        if (!exited) {
            killTree(process);
        }
        pids.ifPresent(PidsLimit::close);
        List<CheckEvent> newEvents = EventLog.read(events).stream().skip(skip).collect(Collectors.toList());
        String started = null;
        for (CheckEvent event : newEvents) {
            if (CheckEvent.STARTED.equals(event.type())) {
                started = event.check();
            } else {
                outcomes.put(event.check(), new CheckOutcome(event.check(), CheckStatus.fromId(event.status()),
                        event.message(), event.durationMs()));
                started = null;
            }
        }
        if (started != null) {
            outcomes.put(started, diedDuring(started, exited ? process.exitValue() : null, limit, stderr, stdout));
        } else if (newEvents.isEmpty()) {
            // The JVM ran nothing at all: charge every check rather than retry forever.
            String why = "The grader could not start the checks (exit code " + (exited ? process.exitValue() : "none")
                    + ")." + tail(stderr);
            checks.forEach(c -> outcomes.put(c.id(), new CheckOutcome(c.id(), CheckStatus.ERROR, why, 0)));
        }
    }

    private CheckOutcome diedDuring(String check, Integer exitCode, Duration limit, Path stderr, Path stdout) {
        String printed = read(stdout) + read(stderr);
        String message;
        CheckStatus status = CheckStatus.ERROR;
        if (exitCode == null) {
            status = CheckStatus.TIMEOUT;
            message = "The check's JVM stopped responding and was killed after " + limit.toSeconds() + " s "
                    + "(threads spinning without end can do that).";
        } else if (printed.contains("unable to create native thread") || printed.contains("unable to create new native thread")) {
            message = "Your code started threads or processes without bound and hit the limit of " + PidsLimit.MAX_TASKS
                    + " for one check: reuse a fixed number of threads instead of starting new ones in a loop.";
        } else if (printed.contains("OutOfMemoryError")) {
            message = "Your code ran out of memory (heap limit " + HEAP.substring(4) + "): something allocates without "
                    + "bound, e.g. a queue that is never drained or a list that grows in a loop.";
        } else {
            message = "The JVM running this check ended abruptly with exit code " + exitCode + ". Does your code call "
                    + "System.exit() or Runtime.halt()? Never end the JVM from library code: throw an exception instead.";
        }
        return new CheckOutcome(check, status, message + tail(stdout) + tail(stderr), 0);
    }

    private Process start(List<CheckDefinition> checks, Path events, Path stdout, Path stderr, Duration watchdogBudget) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(HEAP);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:+UseSerialGC");
        command.add("-Djava.awt.headless=true");
        command.add("-D" + ForbiddenApis.CLASSES_PROPERTY + "=" + classes);
        javaAgent.ifPresent(command::add);
        command.add("-cp");
        command.add(classpath());
        command.add(ForkMain.class.getName());
        command.add(events.toString());
        command.add(Long.toString(seed));
        command.add(Long.toString(Math.max(1_000, watchdogBudget.toMillis())));
        checks.forEach(c -> command.add(c.id()));
        try {
            return new ProcessBuilder(command).directory(runDir.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a JVM for the checks", e);
        }
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the JVM already ended
        }
    }

    private String classpath() {
        List<String> entries = new ArrayList<>();
        graderClasspath.forEach(p -> entries.add(p.toString()));
        entries.add(classes.toString());
        return String.join(File.pathSeparator, entries);
    }

    private static boolean waitFor(Process process, Duration limit) {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checks were running", e);
        }
    }

    /** Kills the JVM and every process it started (a student's code may spawn some). */
    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path file) {
        String text = read(file).strip();
        if (text.isEmpty()) {
            return "";
        }
        String shown = text.length() <= OUTPUT_SHOWN ? text : "..." + text.substring(text.length() - OUTPUT_SHOWN);
        return "\n\nWhat the program printed last (" + file.getFileName() + "):\n" + shown;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
