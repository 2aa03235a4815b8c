package threadlab.grader.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import threadlab.grader.GraderVersion;
import threadlab.grader.catalog.CheckCatalog;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.report.ExerciseReport;
import threadlab.grader.report.GradeReport;
import threadlab.grader.submission.Submission;

/**
 * Grades a submission: each requested exercise is compiled on its own and its checks run in forked
 * JVMs, so a broken, hanging or hostile exercise costs only its own points.
 */
public final class GradingEngine {

    private final List<Path> graderClasspath;
    private final CheckCatalog catalog;
    private final Progress progress;

    /**
     * @param graderClasspath the grader's own class path, for the forked JVMs that run the checks; it must
     *                        not contain any exercise classes
     */
    public GradingEngine(List<Path> graderClasspath, CheckCatalog catalog, Progress progress) {
        this.graderClasspath = List.copyOf(graderClasspath);
        this.catalog = catalog;
        this.progress = progress;
    }

    /** The grader's own class path, as the running JVM sees it. */
    public static List<Path> currentClasspath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).collect(Collectors.toList());
    }

    /**
     * @throws threadlab.grader.submission.SubmissionException if the submission cannot be read
     * @throws threadlab.grader.sandbox.SandboxException if the sandbox asked for cannot be had
     */
    public GradeReport grade(GradeRequest request) {
        Submission submission = Submission.open(request.submission(), request.workDir());
        List<ExerciseReport> exercises = new ArrayList<>();
        try (LazySandbox sandbox = new LazySandbox(request.sandbox())) {
            ExerciseGrader grader = new ExerciseGrader(graderClasspath, progress, sandbox);
            for (Exercise exercise : request.exercisesInOrder()) {
                List<CheckDefinition> checks = catalog.of(exercise).stream()
                        .filter(c -> request.rubric().entry(c.id()).isPresent())
                        .collect(Collectors.toList());
                ExerciseReport report = grader.grade(exercise, submission.sourcesOf(exercise), checks, request);
                progress.finished(exercise.id(), report.status() + ", " + format(report.score()) + "/" + format(report.maxScore()) + " points");
                exercises.add(report);
            }
        }
        double score = exercises.stream().mapToDouble(ExerciseReport::score).sum();
        double max = exercises.stream().mapToDouble(ExerciseReport::maxScore).sum();
        return new GradeReport(GradeReport.SCHEMA_VERSION, request.label(), GraderVersion.get(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), request.seed(), request.quick(), score, max,
                exercises);
    }

    private static String format(double points) {
        return points == Math.rint(points) ? Long.toString((long) points) : String.format("%.1f", points);
    }
}
