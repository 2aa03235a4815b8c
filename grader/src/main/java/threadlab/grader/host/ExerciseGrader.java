package threadlab.grader.host;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.compile.Compilation;
import threadlab.grader.compile.SourceCompiler;
import threadlab.grader.contract.ApiContract;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.integrity.BytecodeScan;
import threadlab.grader.integrity.Violation;
import threadlab.grader.report.BenchmarkReport;
import threadlab.grader.report.CheckReport;
import threadlab.grader.report.CoverageReport;
import threadlab.grader.report.ExerciseReport;
import threadlab.grader.sandbox.LocalContainment;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/**
 * Grades the exercises of a submission: compile, compare the API, then run each {@link Phase} on the checks it
 * claims, and score the typed outcomes by the rubric. The engine drives the phases, so that a phase may run on
 * several exercises at once ({@link Phase#runsExercisesTogether()}).
 */
final class ExerciseGrader {


    private final SourceCompiler compiler;
    private final ApiContract contract;
    private final List<Phase> phases;
    private final Progress progress;
    private final boolean allowlistEnforced;
    private final Path workRoot;
    private final Optional<LocalContainment> containment;

    /**
     * @param allowlistEnforced false only in the grader's own tests, to show what an attack would do without it
     * @param workRoot          where each exercise's classes and runs go (a contained JVM's scratch folder, if any)
     */
    ExerciseGrader(SourceCompiler compiler, ApiContract contract, List<Phase> phases, Progress progress,
            boolean allowlistEnforced, Path workRoot, Optional<LocalContainment> containment) {
        this.compiler = compiler;
        this.contract = contract;
        this.phases = List.copyOf(phases);
        this.progress = progress;
        this.allowlistEnforced = allowlistEnforced;
        this.workRoot = workRoot;
        this.containment = containment;
    }

    /**
     * Compiles the exercise, compares its API and scans its bytecode: an exercise that cannot be run is graded here
     * ({@link Started#finished()}); the others wait for the phases ({@link #runPhase}) and then {@link #finish}.
     */
    Started start(Exercise exercise, List<Path> sources, List<CheckDefinition> checks, GradeRequest request) {
        // --quick leaves the slow phases' checks out of the score altogether, so a quick score is comparable.
        List<CheckDefinition> graded = checks.stream()
                .filter(c -> !request.quick() || phaseOf(c).runsWhenQuick()).collect(Collectors.toList());
        if (sources.isEmpty()) {
            return Started.early(report(exercise, ExerciseReport.MISSING, Scoring.all(graded, request.rubric(),
                    CheckStatus.SKIPPED, Reason.MISSING, "Not graded: the submission has no source file declaring 'package "
                            + exercise.javaPackage() + ";'."), List.of(), List.of(), new PhaseOutputs()));
        }
        Path work = workRoot.resolve(exercise.id());
        progress.phase(exercise.id(), "compiling " + sources.size() + " file(s)");
        Compilation compilation = compiler.compile(sources, work.resolve("classes"));
        if (!compilation.success()) {
            return Started.early(report(exercise, ExerciseReport.COMPILE_ERROR, Scoring.all(graded, request.rubric(),
                    CheckStatus.SKIPPED, Reason.COMPILE_ERROR, "Not graded: the exercise does not compile (see the "
                            + "compiler's messages)."), compilation.diagnostics(), List.of(), new PhaseOutputs()));
        }
        containment.ifPresent(c -> c.makeReadable(compilation.outputDir()));
        List<String> drift = contract.drift(compilation.outputDir(), exercise.javaPackage());
        List<Violation> violations = allowlistEnforced ? BytecodeScan.violations(compilation.outputDir(), exercise) : List.of();
        if (!violations.isEmpty()) {
            return Started.early(report(exercise, ExerciseReport.REJECTED, Scoring.all(graded, request.rubric(),
                    CheckStatus.REJECTED, Reason.REJECTED, rejection(violations)), compilation.diagnostics(), drift,
                    new PhaseOutputs()));
        }
        ExerciseRun run = new ExerciseRun(exercise, compilation.outputDir(), sources, work, request, graded, List.of(),
                Map.of(), progress);
        return new Started(run, compilation.diagnostics(), drift, new PhaseOutputs(), null);
    }

    /** Runs {@code phase} on the checks of {@code exercise} it claims, if any, after the phases that ran before it. */
    void runPhase(Phase phase, Started exercise) {
        ExerciseRun run = exercise.run();
        List<CheckDefinition> claimed = run.checks().stream().filter(phase::claims).collect(Collectors.toList());
        if (claimed.isEmpty()) {
            return;
        }
        PhaseOutputs outputs = exercise.outputs();
        ExerciseRun phaseRun = run.forPhase(claimed, outputs.outcomes);
        progress.phase(run.exercise().id(), phase.describe(phaseRun));
        long started = System.nanoTime();
        PhaseResult result = phase.run(phaseRun);
        if (phase.runsExercisesTogether()) {
            progress.phaseEnded(run.exercise().id(), String.format(Locale.ROOT, "%s: done in %.1f s", phase.name(),
                    (System.nanoTime() - started) / 1e9));
        }
        outputs.outcomes.putAll(result.outcomes());
        if (result.benchmark() != null) {
            outputs.benchmark = result.benchmark();
        }
        if (result.coverage() != null) {
            outputs.coverage = result.coverage();
        }
    }

    /** Scores what the phases found by the rubric: the exercise's report. */
    ExerciseReport finish(Started exercise) {
        if (exercise.finished() != null) {
            return exercise.finished();
        }
        ExerciseRun run = exercise.run();
        PhaseOutputs outputs = exercise.outputs();
        outputs.studentOutput = StudentOutput.of(run.workDir());
        List<CheckReport> scored = Scoring.score(run.checks(), outputs.outcomes, run.request().rubric());
        return report(run.exercise(), ExerciseReport.statusOfRun(scored), scored, exercise.compilerMessages(),
                exercise.drift(), outputs);
    }

    /**
     * An exercise between {@link #start} and {@link #finish}: either graded already ({@code finished}: missing, not
     * compiling, rejected) or a run that the phases fill in.
     */
    record Started(ExerciseRun run, List<String> compilerMessages, List<String> drift, PhaseOutputs outputs,
                  ExerciseReport finished) {

        static Started early(ExerciseReport report) {
            return new Started(null, List.of(), List.of(), null, report);
        }

        /** Whether the phases run on it (it compiled and was not rejected). */
        boolean runs() {
            return finished == null;
        }
    }

    private Phase phaseOf(CheckDefinition check) {
        return phases.stream().filter(p -> p.claims(check)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no phase runs the check " + check.id()));
    }

    /** The message of every check of a rejected exercise: one line per use of a denied API. */
    private static String rejection(List<Violation> violations) {
        return "Not run: your code uses APIs this exercise does not allow, so none of it was run and the exercise "
                + "scores 0. Remove these uses (the exercise's guide lists what is allowed):\n"
                + violations.stream().limit(20).map(v -> "  - " + v).collect(Collectors.joining("\n"))
                + (violations.size() > 20 ? "\n  ... and " + (violations.size() - 20) + " more" : "");
    }

    /** What the phases of one exercise produced. */
    static final class PhaseOutputs {
        final Map<String, CheckOutcome> outcomes = new HashMap<>();
        BenchmarkReport benchmark;
        CoverageReport coverage;
        String studentOutput = "";
    }

    private static ExerciseReport report(Exercise exercise, String status, List<CheckReport> checks,
            List<String> compilerMessages, List<String> drift, PhaseOutputs outputs) {
        return new ExerciseReport(exercise.id(), status, Scoring.sum(checks, false), Scoring.sum(checks, true), checks,
                compilerMessages, drift, outputs.coverage, outputs.studentOutput, outputs.benchmark, List.of());
    }
}
