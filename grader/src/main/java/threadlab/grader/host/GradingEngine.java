package threadlab.grader.host;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import threadlab.grader.GraderVersion;
import threadlab.grader.catalog.CheckCatalog;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.compile.SourceCompiler;
import threadlab.grader.contract.ApiContract;
import threadlab.grader.coverage.CoverageProbe;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.interleavings.Lincheck;
import threadlab.grader.interleavings.Vmlens;
import threadlab.grader.report.ExerciseReport;
import threadlab.grader.report.GradeReport;
import threadlab.grader.report.Points;
import threadlab.grader.sandbox.HarnessLaunch;
import threadlab.grader.sandbox.LocalContainment;
import threadlab.grader.sandbox.Sandbox;
import threadlab.grader.sandbox.SandboxMode;
import threadlab.grader.submission.Submission;

/**
 * Grades a submission: each requested exercise is compiled on its own and its checks run in forked
 * JVMs, so a broken, hanging or hostile exercise costs only its own points.
 */
public final class GradingEngine {

    private final List<Path> graderClasspath;
    private final CheckCatalog catalog;
    private final Progress progress;
    private boolean allowlistEnforced = true;

    /**
     * @param graderClasspath the grader's own class path, for the forked JVMs that run the checks; it must
     *                        not contain any exercise classes
     */
    public GradingEngine(List<Path> graderClasspath, CheckCatalog catalog, Progress progress) {
        this.graderClasspath = List.copyOf(graderClasspath);
        this.catalog = catalog;
        this.progress = progress;
    }

    /**
     * This engine without the bytecode allowlist: only for the grader's own red-team tests, whose positive controls
     * show that an attack does harm when the allowlist does not stop it. Never reachable from the command line.
     */
    GradingEngine withoutAllowlistForTests() {
        allowlistEnforced = false;
        return this;
    }

    /** The grader's own class path, as the running JVM sees it. */
    public static List<Path> currentClasspath() {
        return HarnessLaunch.currentClasspath();
    }

    /**
     * @throws threadlab.grader.submission.SubmissionException if the submission cannot be read
     * @throws threadlab.grader.sandbox.SandboxException if the sandbox asked for cannot be had
     */
    public GradeReport grade(GradeRequest request) {
        Instant started = Instant.now();
        Submission submission = Submission.open(request.submission(), request.workDir());
        List<ExerciseReport> exercises = new ArrayList<>();
        Optional<LocalContainment> containment = LocalContainment.detect(request.sandbox() == SandboxMode.CONTAINER);
        Path scratch = containment.map(LocalContainment::newScratch).orElse(request.workDir());
        try (LazySandbox sandbox = new LazySandbox(request.sandbox())) {
            List<Phase> phases = phases(request, sandbox, containment);
            ExerciseGrader grader = new ExerciseGrader(new SourceCompiler(), ApiContract.load(catalog.course()), phases,
                    progress, allowlistEnforced, scratch, containment);
            exercises.addAll(gradeAll(grader, phases, submission, request));
        } finally {
            if (containment.isPresent()) {
                LocalContainment.delete(scratch);
            }
        }
        double score = exercises.stream().mapToDouble(ExerciseReport::score).sum();
        double max = exercises.stream().mapToDouble(ExerciseReport::maxScore).sum();
        return new GradeReport(GradeReport.SCHEMA_VERSION, request.label(), GraderVersion.get(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), request.seed(), request.quick(), score, max,
                exercises, Duration.between(started, Instant.now()).toMillis(), request.rubric().leaderboard());
    }

    /** Starts every exercise, runs each phase on all of them, then scores each: the reports in exercise order. */
    private List<ExerciseReport> gradeAll(ExerciseGrader grader, List<Phase> phases, Submission submission,
            GradeRequest request) {
        Map<Exercise, ExerciseGrader.Started> begun = new LinkedHashMap<>();
        for (Exercise exercise : request.exercisesInOrder()) {
            if (!submission.leftOut(exercise).isEmpty()) {
                progress.phase(exercise.id(), "not graded: " + String.join(", ", submission.leftOut(exercise)));
            }
            begun.put(exercise, grader.start(exercise, submission.sourcesOf(exercise), checksOf(exercise, request), request));
        }
        List<ExerciseGrader.Started> running = begun.values().stream().filter(ExerciseGrader.Started::runs).toList();
        phases.forEach(phase -> runPhase(grader, phase, running));
        List<ExerciseReport> reports = new ArrayList<>();
        begun.forEach((exercise, graded) -> {
            ExerciseReport report = grader.finish(graded).withNotGraded(submission.leftOut(exercise));
            progress.finished(exercise.id(), report.status() + ", " + Points.of(report.score(), report.maxScore()) + " points");
            reports.add(report);
        });
        return reports;
    }

    private List<CheckDefinition> checksOf(Exercise exercise, GradeRequest request) {
        return catalog.of(exercise).stream().filter(c -> request.rubric().entry(c.id()).isPresent())
                .collect(Collectors.toList());
    }

    /**
     * Runs {@code phase} on every exercise that runs: one after the other, or all at once where the phase shares the
     * machine among them itself. A phase's own failure propagates.
     */
    private static void runPhase(ExerciseGrader grader, Phase phase, List<ExerciseGrader.Started> exercises) {
        if (!phase.runsExercisesTogether()) {
            exercises.forEach(exercise -> grader.runPhase(phase, exercise));
            return;
        }
        Concurrently.all(exercises.stream().<Callable<Void>>map(exercise -> () -> {
            grader.runPhase(phase, exercise);
            return null;
        }).toList(), "grading");
    }

    /** The phases in the order they run: tests first (the others read their outcomes), then exploration, benchmarks. */
    private List<Phase> phases(GradeRequest request, Supplier<Sandbox> sandbox, Optional<LocalContainment> containment) {
        List<Path> harness = HarnessLaunch.of(graderClasspath);
        Optional<CoverageProbe> coverage = request.quick() ? Optional.empty() : CoverageProbe.fromClasspath(graderClasspath);
        return List.of(new CheckRunPhase(harness, coverage, containment),
                new InterleavingPhase(harness, Vmlens.fromBuild(graderClasspath), Lincheck.fromBuild(), containment),
                new BenchmarkPhase(sandbox, harness));
    }
}
