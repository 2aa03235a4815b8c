package threadlab.grader.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.compile.Compilation;
import threadlab.grader.compile.SourceCompiler;
import threadlab.grader.contract.ApiContract;
import threadlab.grader.coverage.CoverageProbe;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.report.BenchmarkReport;
import threadlab.grader.report.CheckReport;
import threadlab.grader.report.CoverageReport;
import threadlab.grader.report.ExerciseReport;
import threadlab.grader.rubric.Rubric;
import threadlab.grader.runner.CheckStatus;
import threadlab.grader.sandbox.Sandbox;

/** Grades one exercise of a submission: compile, check the API, run the checks in isolation, score. */
final class ExerciseGrader {

    private static final int OUTPUT_SHOWN = 4_000;

    private final List<Path> graderClasspath;
    private final SourceCompiler compiler = new SourceCompiler();
    private final ApiContract contract = ApiContract.load();
    private final Progress progress;
    private final InterleavingPhase interleavings;
    private final BenchmarkPhase benchmarks;

    ExerciseGrader(List<Path> graderClasspath, Progress progress, Supplier<Sandbox> sandbox) {
        this.graderClasspath = graderClasspath;
        this.progress = progress;
        this.interleavings = new InterleavingPhase(graderClasspath);
        this.benchmarks = new BenchmarkPhase(sandbox);
    }

    ExerciseReport grade(Exercise exercise, List<Path> sources, List<CheckDefinition> checks, GradeRequest request) {
        Rubric rubric = request.rubric();
        // --quick leaves the interleaving scenarios and benchmarks out of the score altogether, so a quick score is comparable.
        List<CheckDefinition> tests = checks.stream()
                .filter(c -> !InterleavingPhase.explores(c) && !BenchmarkPhase.measures(c)).collect(Collectors.toList());
        List<CheckDefinition> graded = request.quick() ? tests : checks;
        if (sources.isEmpty()) {
            return report(exercise, ExerciseReport.MISSING, Scoring.all(graded, rubric, CheckStatus.SKIPPED,
                    "Not graded: the submission has no source file declaring 'package " + exercise.javaPackage() + ";'."),
                    List.of(), List.of(), null, "", null);
        }
        Path work = request.workDir().resolve(exercise.id());
        progress.phase(exercise.id(), "compiling " + sources.size() + " file(s)");
        Compilation compilation = compiler.compile(sources, work.resolve("classes"));
        if (!compilation.success()) {
            return report(exercise, ExerciseReport.COMPILE_ERROR, Scoring.all(graded, rubric, CheckStatus.SKIPPED,
                    "Not graded: the exercise does not compile (see the compiler's messages)."),
                    compilation.diagnostics(), List.of(), null, "", null);
        }
        List<String> drift = contract.drift(compilation.outputDir(), exercise.javaPackage());

        Path runDir = createDirectories(work.resolve("run"));
        Path exec = runDir.resolve("jacoco.exec");
        Optional<CoverageProbe> coverage = request.quick() || tests.isEmpty() ? Optional.empty()
                : CoverageProbe.fromClasspath(graderClasspath);
        List<CheckDefinition> scenarios = request.quick() ? List.of()
                : checks.stream().filter(InterleavingPhase::explores).collect(Collectors.toList());
        List<CheckDefinition> measured = request.quick() || exercise.benchmarkClass().isEmpty() ? List.of()
                : checks.stream().filter(BenchmarkPhase::measures).collect(Collectors.toList());
        progress.phase(exercise.id(), "running " + tests.size() + " checks" + (coverage.isPresent() ? " with coverage" : ""));
        IsolatedCheckRun run = new IsolatedCheckRun(graderClasspath, compilation.outputDir(), runDir, request.seed(),
                coverage.map(c -> c.jvmArgument(exercise.javaPackage(), exec)));
        Map<String, CheckOutcome> outcomes = new HashMap<>(run.run(tests, request.exerciseBudget()).stream()
                .collect(Collectors.toMap(CheckOutcome::checkId, Function.identity())));
        if (!scenarios.isEmpty()) {
            progress.phase(exercise.id(), "exploring " + scenarios.size() + " interleaving scenarios with vmlens");
            outcomes.putAll(interleavings.run(scenarios, compilation.outputDir(), createDirectories(work.resolve("interleavings")),
                    request.artifactsDir().resolve("vmlens").resolve(exercise.id()), request, Map.copyOf(outcomes)));
        }
        BenchmarkReport benchmark = null;
        if (!measured.isEmpty()) {
            progress.phase(exercise.id(), "benchmarking in the sandbox");
            BenchmarkPhase.Result result = benchmarks.run(exercise.benchmarkClass().orElseThrow(), measured,
                    compilation.outputDir(), createDirectories(work.resolve("benchmark")));
            outcomes.putAll(result.outcomes());
            benchmark = result.report();
        }
        CoverageReport coverageReport = coverage.isPresent()
                ? CoverageProbe.analyze(exec, compilation.outputDir(), sources) : null;
        return report(exercise, ExerciseReport.GRADED, Scoring.score(graded, outcomes, rubric),
                compilation.diagnostics(), drift, coverageReport, studentOutput(runDir), benchmark);
    }

    private static ExerciseReport report(Exercise exercise, String status, List<CheckReport> checks,
            List<String> compilerMessages, List<String> drift, CoverageReport coverage, String output,
            BenchmarkReport benchmark) {
        return new ExerciseReport(exercise.id(), status, Scoring.sum(checks, false), Scoring.sum(checks, true), checks,
                compilerMessages, drift, coverage, output, benchmark);
    }

    /** What the student's code printed (all JVMs of the run), truncated. */
    private static String studentOutput(Path runDir) {
        try (Stream<Path> logs = Files.list(runDir)) {
            String all = logs.filter(f -> f.getFileName().toString().endsWith(".log")).sorted()
                    .map(ExerciseGrader::readQuietly)
                    .filter(s -> !s.isBlank())
                    .collect(Collectors.joining("\n"));
            return all.length() <= OUTPUT_SHOWN ? all : all.substring(0, OUTPUT_SHOWN) + "\n... (truncated)";
        } catch (IOException e) {
            return "";
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
