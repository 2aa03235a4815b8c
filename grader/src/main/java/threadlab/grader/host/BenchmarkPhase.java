package threadlab.grader.host;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import threadlab.grader.api.Category;
import threadlab.grader.benchmark.BenchmarkMain;
import threadlab.grader.benchmark.BenchmarkResults;
import threadlab.grader.benchmark.Performance;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.harness.ResultChannel;
import threadlab.grader.report.BenchmarkReport;
import threadlab.grader.sandbox.HarnessLaunch;
import threadlab.grader.sandbox.Sandbox;
import threadlab.grader.sandbox.SandboxJob;
import threadlab.grader.sandbox.SandboxRun;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/**
 * Runs an exercise's benchmark in the sandbox and scores its performance checks on what it measured.
 *
 * <p>The benchmark JVM runs the harness as a named module (like a check JVM) with only the student's
 * classes of that exercise on its class path. Its results file is rewritten after every measurement, so a benchmark stopped at its time limit
 * still scores what it measured; a check whose measurement is missing loses its points with the reason.
 */
final class BenchmarkPhase implements Phase {

    /** Bound on one exercise's benchmark, sandbox start included. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(90);
    private static final String RESULTS = "benchmark.json";

    private final Supplier<Sandbox> sandbox;
    private final List<Path> harnessModulePath;

    BenchmarkPhase(Supplier<Sandbox> sandbox, List<Path> harnessModulePath) {
        this.sandbox = sandbox;
        this.harnessModulePath = List.copyOf(harnessModulePath);
    }

    @Override
    public boolean claims(CheckDefinition check) {
        return check.category() == Category.PERFORMANCE;
    }

    @Override
    public boolean runsWhenQuick() {
        return false;
    }

    @Override
    public String name() {
        return "benchmarks";
    }

    @Override
    public String describe(ExerciseRun run) {
        return "benchmarking in the sandbox";
    }

    @Override
    public PhaseResult run(ExerciseRun exercise) {
        Optional<String> benchmarkClass = exercise.exercise().benchmarkClass();
        if (benchmarkClass.isEmpty()) {
            Map<String, CheckOutcome> none = new LinkedHashMap<>();
            exercise.claimed().forEach(c -> none.put(c.id(), new CheckOutcome(c.id(), CheckStatus.ERROR,
                    Reason.GRADER_ERROR, "Not measured: this exercise has no benchmark.", 0)));
            return PhaseResult.of(none);
        }
        List<CheckDefinition> checks = exercise.claimed();
        Sandbox box = sandbox.get();
        String secret = ResultChannel.newSecret();
        List<Path> classpath = new ArrayList<>(List.of(exercise.classes()));
        exercise.exercise().checkClasspath().ifPresent(classpath::add); // a pack's benchmark is in its built entry
        SandboxRun run = box.run(new SandboxJob(BenchmarkMain.class.getName(),
                List.of(benchmarkClass.get(), RESULTS), classpath,
                TIME_LIMIT, RESULTS, exercise.folder("benchmark"), secret)
                .onModulePath(harnessModulePath, HarnessLaunch.MODULE));
        Optional<BenchmarkResults> results = run.result().flatMap(file -> read(file, secret));
        List<String> problems = new ArrayList<>(results.map(BenchmarkResults::errors).orElse(List.of()));
        if (run.result().isPresent() && results.isEmpty()) {
            problems.add("its results file was not sealed by the benchmark harness (written by other code, or damaged)");
        } else if (run.timedOut()) {
            problems.add("the benchmark was stopped at its limit of " + TIME_LIMIT.toSeconds() + " s");
        } else if (results.isEmpty() || !results.get().finished()) {
            problems.add("the benchmark JVM ended early (exit code " + run.exitCode() + ")"
                    + (run.output().isBlank() ? "" : ": " + run.output().strip()));
        }
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
        ClassLoader scoring = scoringLoader(exercise.exercise());
        for (CheckDefinition check : checks) {
            outcomes.put(check.id(), results.isPresent()
                    ? score(check, results.get(), box.isolated(), scoring)
                    : new CheckOutcome(check.id(), run.timedOut() ? CheckStatus.TIMEOUT : CheckStatus.ERROR,
                            Reason.NOT_MEASURED, "Not measured: " + String.join("; ", problems) + ".",
                            run.elapsed().toMillis()));
        }
        closeIfPacks(scoring);
        BenchmarkReport report = new BenchmarkReport(box.description(), box.isolated(),
                results.map(BenchmarkResults::cpus).orElse(0), results.map(BenchmarkResults::java).orElse(""),
                results.map(BenchmarkResults::rows).orElse(List.of()), results.map(BenchmarkResults::ratios).orElse(Map.of()),
                results.map(BenchmarkResults::ratioSpreads).orElse(Map.of()), results.map(BenchmarkResults::shares).orElse(List.of()),
                results.map(BenchmarkResults::facts).orElse(Map.of()), problems, run.elapsed().toMillis());
        return new PhaseResult(outcomes, report, null);
    }

    /**
     * Where the performance checks' scoring methods are found: the grader's own, or a pack's built entry. Only the
     * scoring class is loaded here, never the benchmark or the student's classes (the pack's entry holds none of them
     * but its own); a scoring method reads the measured results and nothing else.
     */
    private static ClassLoader scoringLoader(Exercise exercise) {
        ClassLoader grader = BenchmarkPhase.class.getClassLoader();
        return exercise.checkClasspath().<ClassLoader>map(entry -> {
            try {
                return new URLClassLoader(new URL[] {entry.toUri().toURL()}, grader);
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }).orElse(grader);
    }

    private static void closeIfPacks(ClassLoader loader) {
        if (loader instanceof URLClassLoader pack) {
            try {
                pack.close();
            } catch (IOException e) {
                // a class loader over one class-path entry: nothing left to do
            }
        }
    }

    private static CheckOutcome score(CheckDefinition check, BenchmarkResults results, boolean isolated, ClassLoader loader) {
        Performance verdict = verdict(check, results, loader);
        String message = isolated ? verdict.message()
                : verdict.message() + " (Measured " + BenchmarkReport.ADVISORY + ": this machine's other work shares its CPUs.)";
        if (verdict.kind() == Performance.Kind.UNMEASURABLE) {
            return new CheckOutcome(check.id(), CheckStatus.INCONCLUSIVE, Reason.UNMEASURABLE, message, 0, 1);
        }
        CheckStatus status = verdict.fraction() == 1 ? CheckStatus.PASSED
                : verdict.fraction() == 0 ? CheckStatus.FAILED : CheckStatus.PARTIAL;
        Reason reason = verdict.kind() == Performance.Kind.NOT_MEASURED ? Reason.NOT_MEASURED
                : status == CheckStatus.PASSED ? Reason.NONE : Reason.BELOW_BAND;
        return new CheckOutcome(check.id(), status, reason, message, 0, verdict.fraction());
    }

    /** Calls the check's scoring method, a static method taking the results. */
    private static Performance verdict(CheckDefinition check, BenchmarkResults results, ClassLoader loader) {
        try {
            Method method = Class.forName(check.suiteClass(), true, loader)
                    .getDeclaredMethod(check.method(), BenchmarkResults.class);
            method.setAccessible(true);
            return (Performance) method.invoke(null, results);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the scoring of " + check.id() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the performance check " + check.id() + " is not a static method taking "
                    + "BenchmarkResults", e);
        }
    }

    private static Optional<BenchmarkResults> read(Path file, String secret) {
        try {
            return Optional.of(BenchmarkMain.read(file, secret));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
