package threadlab.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import threadlab.grader.catalog.CheckCatalog;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.harness.ResultChannel;
import threadlab.grader.host.GradeRequest;
import threadlab.grader.host.GraderLaunch;
import threadlab.grader.host.GradingEngine;
import threadlab.grader.report.GradeReport;
import threadlab.grader.report.ReportFormat;
import threadlab.grader.report.SealedResult;
import threadlab.grader.report.TextReport;
import threadlab.grader.rubric.Rubric;
import threadlab.grader.sandbox.LocalContainment;
import threadlab.grader.sandbox.SandboxException;
import threadlab.grader.sandbox.SandboxMode;
import threadlab.grader.submission.SubmissionException;

/** {@code grade grade}: grades a submission and writes the reports. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        header = "Grades a submission: by default your own exercises/ folder.",
        description = {"Every lost point comes with a message that says what was expected, what happened, and how to reproduce it."})
final class GradeCommand implements Callable<Integer> {

    private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);

    /** Environment variable naming the ThreadLab checkout; {@code ./grade} sets it. */
    static final String ROOT_VARIABLE = "THREADLAB_ROOT";

    @Spec
    CommandSpec spec;

    @Option(names = "--submission", paramLabel = "PATH",
            description = "A folder or .zip with the sources to grade (found by their 'package threadlab.<exercise>;' "
                    + "line, in any layout), or 'solutions' for the reference solutions. Default: exercises/.")
    String submission;

    @Option(names = "--exercise", paramLabel = "ID", description = "Grade only this exercise (repeatable). Default: all.")
    List<String> exercises;

    @Mixin
    CourseOption courseOption;

    @Option(names = "--rubric", paramLabel = "FILE", description = "Rubric file (YAML or JSON) overriding points, dropping or hiding checks.")
    Path rubricFile;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",",
            description = "Report formats, repeatable: ${COMPLETION-CANDIDATES}. Default: text.")
    List<ReportFormat> formats;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the reports. Default: target/grade/.")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for every random choice of the checks; reproduces a run.")
    Long seed;

    @Option(names = "--quick", description = "Skip the slow phases (coverage, interleavings, benchmarks) for a fast inner loop.")
    boolean quick;

    @Option(names = "--sandbox", paramLabel = "MODE", defaultValue = "auto",
            description = "Where the benchmarks run: auto (a Docker container when an engine answers, else this machine,"
                    + " marked advisory), docker (fail without an engine), local. Default: ${DEFAULT-VALUE}.")
    String sandbox;

    @Option(names = "--fail-under", paramLabel = "[EXERCISE=]PERCENT", split = ",",
            description = "Exit with code 1 when the score is below this percentage (for CI); EXERCISE=PERCENT sets "
                    + "one exercise's (repeatable, or comma-separated: counterlock=100,threadsafeset=80).")
    List<String> failUnder;

    @Option(names = "--label", paramLabel = "NAME", description = "How the reports name the submission. Default: its path.")
    String label;

    @Option(names = "--watch", description = "Grade again (quick) whenever a source of the submission changes, with a "
            + "short summary each time; Ctrl-C stops. The submission must be a folder.")
    boolean watch;

    /** For tests: how many gradings --watch runs before it ends (0: until stopped). */
    @Option(names = "--watch-rounds", hidden = true, defaultValue = "0")
    int watchRounds;

    /** Batch grading's own runs inside a container; not for users (see {@link GraderLaunch#INSIDE_CONTAINER}). */
    @Option(names = GraderLaunch.INSIDE_CONTAINER, hidden = true)
    boolean insideContainer;

    /** Batch grading's own runs; not for users (see {@link GraderLaunch#SEAL_RESULT}). */
    @Option(names = GraderLaunch.SEAL_RESULT, hidden = true)
    boolean sealResult;

    @Override
    public Integer call() {
        CheckCatalog catalog = courseOption.catalog();
        List<Threshold> thresholds = failUnder == null ? List.of()
                : failUnder.stream().map(t -> Threshold.parse(t, catalog.course())).toList();
        String secret = sealResult ? secretOnStandardInput() : null;
        Path root = projectRoot();
        Path submissionPath = resolveSubmission(root);
        Path outDir = out != null ? out : root.resolve("target").resolve("grade");
        long usedSeed = seed != null ? seed : new SecureRandom().nextInt(1_000_000);
        // Every argument is checked before the first line is printed: a usage error is then the only output.
        Set<Exercise> chosen = Set.copyOf(Options.exercises(catalog.course(), exercises));
        Rubric rubric = Options.rubric(rubricFile, catalog);
        SandboxMode sandboxMode = insideContainer ? SandboxMode.CONTAINER : Options.sandbox(sandbox);
        if (!Files.exists(submissionPath)) {
            throw new ThreadLabCli.UsageProblem("cannot read the submission: no such file or folder: " + submissionPath);
        }
        if (watch && !Files.isDirectory(submissionPath)) {
            throw new ThreadLabCli.UsageProblem("--watch needs a folder to watch, not " + submissionPath);
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean quickRun = quick || watch;
        err.printf("Grading %s (seed %d%s)%n", submissionPath, usedSeed, quickRun ? ", quick" : "");
        if (!insideContainer) {
            err.println("Sandbox: " + LocalContainment.describe(LocalContainment.detect()) + ".");
        }
        Supplier<GradeReport> grading = () -> grade(new GradeRequest(submissionPath,
                label != null ? label : submissionPath.toString(), chosen, usedSeed, quickRun, rubric, workDir(outDir),
                GradeRequest.DEFAULT_EXERCISE_BUDGET, outDir.toAbsolutePath(), sandboxMode), catalog, err);
        if (watch) {
            return watch(grading, submissionPath, outDir);
        }
        GradeReport report = grading.get();
        writeReports(report, outDir);
        if (secret != null) {
            seal(report, outDir.resolve(GraderLaunch.SEALED_RESULT), secret);
        }
        List<String> shortfalls = thresholds.stream().flatMap(t -> t.shortfall(report).stream()).toList();
        shortfalls.forEach(err::println);
        return shortfalls.isEmpty() ? ThreadLabCli.GRADED : ThreadLabCli.BELOW_THRESHOLD;
    }

    private static GradeReport grade(GradeRequest request, CheckCatalog catalog, PrintWriter err) {
        try (ConsoleProgress progress = new ConsoleProgress(err)) {
            return new GradingEngine(GradingEngine.currentClasspath(), catalog, progress).grade(request);
        } catch (SubmissionException e) {
            throw new ThreadLabCli.UsageProblem("cannot read the submission: " + e.getMessage());
        } catch (SandboxException e) {
            throw new ThreadLabCli.UsageProblem(e.getMessage());
        } finally {
            deleteRecursively(request.workDir());
        }
    }

    /** Grades now and after every change of a source, printing a short summary each time, until stopped. */
    private int watch(Supplier<GradeReport> grading, Path folder, Path outDir) {
        PrintWriter stdout = spec.commandLine().getOut();
        Runnable round = () -> {
            GradeReport report = grading.get();
            writeReports(report, outDir, false);
            stdout.print(TextReport.brief(report.forStudents(), LocalTime.now().truncatedTo(ChronoUnit.SECONDS)));
            stdout.println(watchRounds == 1 ? "" : "Watching " + folder + " for changes (Ctrl-C stops) ...");
            stdout.flush();
        };
        try {
            new SourceWatch(folder, WATCH_INTERVAL).run(round, watchRounds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ThreadLabCli.GRADED;
    }

    private void writeReports(GradeReport report, Path outDir) {
        writeReports(report, outDir, true);
    }

    private void writeReports(GradeReport report, Path outDir, boolean printText) {
        Set<ReportFormat> chosen = new LinkedHashSet<>(formats == null || formats.isEmpty() ? List.of(ReportFormat.TEXT) : formats);
        PrintWriter stdout = spec.commandLine().getOut();
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(outDir);
            for (ReportFormat format : chosen) {
                written.add(format.write(report, outDir));
            }
        } catch (IOException e) {
            throw new ThreadLabCli.UsageProblem("cannot write the reports to " + outDir + ": " + e.getMessage());
        }
        if (!printText) {
            return;
        }
        if (chosen.contains(ReportFormat.TEXT)) {
            stdout.print(TextReport.render(report.forStudents(), colourful()));
        }
        stdout.println("Reports: " + written);
        stdout.flush();
    }

    private static String secretOnStandardInput() {
        try {
            return ResultChannel.secretFromStandardInput();
        } catch (IOException e) {
            throw new ThreadLabCli.UsageProblem(GraderLaunch.SEAL_RESULT + " needs the run's secret on standard input");
        }
    }

    private static void seal(GradeReport report, Path file, String secret) {
        try {
            SealedResult.write(report, file, secret);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private Path resolveSubmission(Path root) {
        if (submission == null) {
            return root.resolve("exercises");
        }
        Path given = Path.of(submission);
        if (!Files.exists(given) && (submission.equals("solutions") || submission.equals("exercises"))) {
            return root.resolve(submission);
        }
        return given.toAbsolutePath().normalize();
    }

    static Path projectRoot() {
        String root = System.getenv(ROOT_VARIABLE);
        return Path.of(root != null ? root : ".").toAbsolutePath().normalize();
    }

    private static Path workDir(Path outDir) {
        try {
            Files.createDirectories(outDir);
            return Files.createTempDirectory(outDir.toAbsolutePath(), "work-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work folder in " + outDir, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // leftovers in target/ are harmless
        }
    }

    private static boolean colourful() {
        return System.console() != null && System.getenv("NO_COLOR") == null;
    }
}
