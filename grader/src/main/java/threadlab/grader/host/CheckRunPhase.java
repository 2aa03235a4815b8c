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
    public String describe(ExerciseRun run) {
        return "running " + run.claimed().size() + " checks" + (recordsCoverage(run) ? " with coverage" : "");
    }

    @Override
    public PhaseResult run(ExerciseRun run) {
        Path runDir = run.folder("run");
        Path exec = runDir.resolve("jacoco.exec");
        Optional<CoverageProbe> probe = recordsCoverage(run) ? coverage : Optional.empty();
        IsolatedCheckRun checks = new IsolatedCheckRun(harnessClasspath, run.classes(), runDir, run.request().seed(),
                probe.map(c -> CheckJvmSetup.agent(c.jvmArgument(run.exercise().javaPackage(), exec)))
                        .orElse(CheckJvmSetup.none()), containment);
        Map<String, CheckOutcome> outcomes = checks.run(run.claimed(), run.request().exerciseBudget()).stream()
                .collect(Collectors.toMap(CheckOutcome::checkId, Function.identity()));
        CoverageReport report = probe.isPresent() ? CoverageProbe.analyze(exec, run.classes(), run.sources()) : null;
        return new PhaseResult(outcomes, null, report);
    }

    private boolean recordsCoverage(ExerciseRun run) {
        return coverage.isPresent() && !run.request().quick();
    }
}
