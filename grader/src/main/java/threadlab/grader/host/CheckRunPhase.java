package threadlab.grader.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import threadlab.grader.api.Category;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.coverage.CoverageProbe;
import threadlab.grader.report.CoverageReport;
import threadlab.grader.sandbox.LocalContainment;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.weaving.NoiseWeaver;

/**
 * The checks that run as tests (every category but interleavings and performance) in forked JVMs, with JaCoCo
 * recording the student's coverage when it is wanted (never beside vmlens: they cannot share a JVM).
 */
final class CheckRunPhase implements Phase {

    private final List<Path> harnessClasspath;
    private final Optional<CoverageProbe> coverage;
    private final Optional<LocalContainment> containment;

    /**
     * @param coverage    the coverage agent, or empty for none (quick gradings)
     * @param containment how check JVMs are contained beyond their own process, where this machine allows it
     */
    CheckRunPhase(List<Path> harnessClasspath, Optional<CoverageProbe> coverage, Optional<LocalContainment> containment) {
        this.harnessClasspath = List.copyOf(harnessClasspath);
        this.coverage = containment.isEmpty() ? coverage
                : coverage.map(c -> c.relocated(jar -> containment.get().readable(List.of(jar)).get(0)));
        this.containment = containment;
    }

    @Override
    public boolean claims(CheckDefinition check) {
        return check.category() != Category.INTERLEAVINGS && check.category() != Category.PERFORMANCE;
    }

    @Override
    public boolean runsWhenQuick() {
        return true;
    }

    @Override
    public String name() {
        return "checks";
    }

    @Override
    public String describe(ExerciseRun run) {
        return "running " + run.claimed().size() + " checks" + (recordsCoverage(run) ? " with coverage" : "");
    }

    @Override
    public PhaseResult run(ExerciseRun run) {
        Path runDir = run.folder("run");
        Path exec = runDir.resolve("jacoco.exec");
        // The check JVM switches the woven noise on for the correctness checks only.
        Path classes = WITH_NOISE
                ? NoiseWeaver.weave(run.classes(), run.exercise().javaPackage(), run.folder("classes-with-noise"))
                : run.classes();
        Optional<CoverageProbe> probe = recordsCoverage(run) ? coverage : Optional.empty();
        CheckJvmSetup setup = probe.map(c -> CheckJvmSetup.agent(c.jvmArgument(run.exercise().javaPackage(), exec)))
                .orElse(CheckJvmSetup.none());
        IsolatedCheckRun checks = new IsolatedCheckRun(harnessClasspath, run.exercise(), classes, runDir,
                run.request().seed(), setup, containment);
        Map<String, CheckOutcome> outcomes = checks.run(run.claimed(), run.request().exerciseBudget()).stream()
                .map(outcome -> withNoiseNote(run, outcome))
                .collect(Collectors.toMap(CheckOutcome::checkId, Function.identity()));
        // JaCoCo knows a class by its bytes: the woven ones ran (their lines are the student's own).
        CoverageReport report = probe.isPresent() ? CoverageProbe.analyze(exec, classes, run.sources()) : null;
        return new PhaseResult(outcomes, null, report);
    }

    /** A correctness check that failed says it ran with noise, so a student can tell why it fails only here. */
    private static CheckOutcome withNoiseNote(ExerciseRun run, CheckOutcome outcome) {
        boolean noisy = WITH_NOISE && run.claimed().stream().anyMatch(c -> c.id().equals(outcome.checkId())
                && c.category() == Category.CORRECTNESS);
        return noisy && outcome.status() == CheckStatus.FAILED
                ? outcome.with(outcome.status(), outcome.reason(), outcome.message() + NOISE_NOTE) : outcome;
    }

    /** {@code -Dthreadlab.noise=false} grades without scheduling noise: only to measure what the noise adds. */
    private static final boolean WITH_NOISE = !"false".equals(System.getProperty("threadlab.noise"));

    static final String NOISE_NOTE = "\n\n(This check ran with scheduling noise: at each lock, wait, notify and field "
            + "access of your code, a thread sometimes paused for a moment (drawn from the grading seed), so that rare "
            + "interleavings happen often. The pauses change only the timing: correct code passes with them.)";

    private boolean recordsCoverage(ExerciseRun run) {
        return coverage.isPresent() && !run.request().quick();
    }
}
