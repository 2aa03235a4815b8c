package threadlab.grader.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.checks.support.ForbiddenApis;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.harness.ForkMain;
import threadlab.grader.harness.ResultChannel;
import threadlab.grader.sandbox.ChildProcess;
import threadlab.grader.sandbox.HarnessLaunch;
import threadlab.grader.sandbox.LocalContainment;
import threadlab.grader.sandbox.PidsLimit;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/**
 * Runs checks on a submission in forked JVMs, so that nothing the student's code does can harm the
 * grader, and no result is lost.
 *
 * <p>Each JVM gets a heap limit and a wall-clock limit; its checks stream their outcomes through a results
 * channel sealed with a secret of the run ({@link ResultChannel}), read back in protocol order ({@link ResultProtocol}).
 * When a JVM dies early (the student's code called {@code System.exit}, ran out of memory, or a
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

    private final List<Path> harnessClasspath;
    private final Path classes;
    private final Path runDir;
    private final long seed;
    private final CheckJvmSetup setup;
    private final List<Path> extraClasspath;
    private final Optional<LocalContainment> containment;
    private int jvmCount;

    /** @param containment how to contain each JVM beyond its own process, where this machine allows it */
    IsolatedCheckRun(List<Path> harnessClasspath, Exercise exercise, Path classes, Path runDir, long seed,
            CheckJvmSetup setup, Optional<LocalContainment> containment) {
        this.harnessClasspath = containment.map(c -> c.readable(harnessClasspath)).orElse(harnessClasspath);
        // An engine's jars, then a pack's suites (the grader's own are in the harness), in front of the student's.
        List<Path> extra = new ArrayList<>(setup.classpath());
        exercise.checkClasspath().ifPresent(extra::add);
        this.extraClasspath = extra.isEmpty() ? List.of() : containment.map(c -> c.readable(extra)).orElse(extra);
        this.classes = classes;
        this.runDir = runDir;
        this.seed = seed;
        this.setup = setup;
        this.containment = containment;
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
                        Reason.BUDGET_EXHAUSTED, "Not run: the time budget of this exercise (" + budget.toSeconds() + " s) was used up by earlier "
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
        Path channel = runDir.resolve("results-" + jvm + ".channel");
        Path stdout = runDir.resolve("stdout-" + jvm + ".log");
        Path stderr = runDir.resolve("stderr-" + jvm + ".log");
        String secret = ResultChannel.newSecret();
        Duration limit = min(timeLeft, checks.stream().map(c -> Duration.ofSeconds(c.timeoutSeconds()))
                .reduce(JVM_GRACE, Duration::plus));
        List<String> ids = checks.stream().map(CheckDefinition::id).collect(Collectors.toList());
        ChildProcess.Ended ended;
        try {
            Files.createDirectories(runDir);
            containment.ifPresent(c -> c.giveToStudent(runDir));
            List<String> command = command(ids, channel, limit.minus(WATCHDOG_LEAD));
            ended = ChildProcess.of(containment.map(c -> c.wrap(command)).orElse(command)).directory(runDir)
                    .stdin(secret + "\n").stdout(stdout).stderr(stderr).timeLimit(limit).maxTasks(PidsLimit.MAX_TASKS)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a JVM for the checks", e);
        } finally {
            containment.ifPresent(LocalContainment::afterRun);
        }
        ResultProtocol.JvmEnd end = new ResultProtocol.JvmEnd(ended.exitCode(), ended.taskLimitReached(), limit,
                tail(stdout) + tail(stderr));
        ResultProtocol.Interpretation result = ResultProtocol.interpret(ids, ResultChannel.read(channel, secret), end);
        outcomes.putAll(result.outcomes());
        if (result.ranNothing()) {
            // The JVM ran nothing at all: charge every check rather than retry forever.
            String why = "The grader could not start the checks (exit code "
                    + (ended.timedOut() ? "none" : ended.exitCode()) + ")." + tail(stderr);
            checks.forEach(c -> outcomes.put(c.id(), new CheckOutcome(c.id(), CheckStatus.ERROR, Reason.GRADER_ERROR, why, 0)));
        }
    }

    private List<String> command(List<String> checkIds, Path channel, Duration watchdogBudget) {
        List<String> arguments = new ArrayList<>(List.of(HEAP, "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC",
                "-Djava.awt.headless=true", "-D" + ForbiddenApis.CLASSES_PROPERTY + "=" + classes));
        arguments.addAll(setup.options());
        List<Path> classpath = new ArrayList<>(extraClasspath);
        classpath.add(classes);
        arguments.addAll(HarnessLaunch.moduleLaunch(harnessClasspath, classpath, setup.mainClass()));
        arguments.addAll(List.of(channel.toString(), Long.toString(seed), Long.toString(Math.max(1_000,
                watchdogBudget.toMillis()))));
        arguments.addAll(checkIds);
        return ChildProcess.java(arguments);
    }

    private static String tail(Path file) {
        String shown = ChildProcess.tail(file, OUTPUT_SHOWN);
        return shown.isEmpty() ? "" : "\n\nWhat the program printed last (" + file.getFileName() + "):\n" + shown;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
