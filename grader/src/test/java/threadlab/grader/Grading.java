package threadlab.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import threadlab.grader.api.Category;
import threadlab.grader.catalog.CheckCatalog;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.host.GradeRequest;
import threadlab.grader.host.GradingEngine;
import threadlab.grader.host.Progress;
import threadlab.grader.report.CheckReport;
import threadlab.grader.report.ExerciseReport;
import threadlab.grader.report.GradeReport;
import threadlab.grader.rubric.Rubric;
import threadlab.grader.sandbox.SandboxMode;

/** Grades submissions from tests, through the real engine and forked JVMs. */
public final class Grading {

    public static final long SEED = 20261122L;
    public static final CheckCatalog CATALOG = CheckCatalog.builtIn();
    /**
     * {@code -Dthreadlab.interleavings=false} leaves the interleaving scenarios out of full gradings: CI explores
     * them on JDK 17 and, to stay within its time, only through a few fixtures on JDK 25.
     */
    public static final boolean EXPLORE_INTERLEAVINGS = !"false".equals(System.getProperty("threadlab.interleavings"));
    /**
     * {@code -Dthreadlab.coverage=false} makes the full gradings of {@link #grade} quick (no coverage either): CI's
     * JDK 25 pass, which leaves out interleavings and benchmarks too, to stay within its time. The gradings aimed at
     * interleavings or benchmarks are not affected.
     */
    public static final boolean MEASURE_COVERAGE = !"false".equals(System.getProperty("threadlab.coverage"));
    /** {@code -Dthreadlab.benchmarks=false} leaves the benchmarks out of full gradings (CI runs them on JDK 17). */
    public static final boolean RUN_BENCHMARKS = !"false".equals(System.getProperty("threadlab.benchmarks"));
    /**
     * {@code -Dthreadlab.docker=required} (CI) makes every benchmark run in Docker and fail without it; otherwise
     * they run in Docker when an engine answers, else locally.
     */
    public static final boolean DOCKER_REQUIRED = "required".equals(System.getProperty("threadlab.docker"));
    public static final SandboxMode SANDBOX = DOCKER_REQUIRED ? SandboxMode.DOCKER : SandboxMode.AUTO;
    private static final Set<String> SCENARIOS = idsOf(Category.INTERLEAVINGS);
    private static final Set<String> MEASURED = idsOf(Category.PERFORMANCE);
    private static final GradingEngine ENGINE = new GradingEngine(GradingEngine.currentClasspath(), CATALOG, Progress.SILENT);

    private Grading() {
    }

    /**
     * Grades {@code exercises} of the submission at {@code path}; without coverage, interleavings and benchmarks
     * unless {@code full} (and then with interleavings and benchmarks unless {@code -Dthreadlab.interleavings=false}
     * or {@code -Dthreadlab.benchmarks=false}).
     */
    public static GradeReport grade(Path path, Set<Exercise> exercises, boolean full) {
        return grade(path, exercises, full && MEASURE_COVERAGE, Rubric.defaults(CATALOG).only(id -> (EXPLORE_INTERLEAVINGS
                || !SCENARIOS.contains(id)) && (RUN_BENCHMARKS || !MEASURED.contains(id))));
    }

    /**
     * Grades everything but the benchmarks, which {@code PerformanceStabilityTest} grades several times; with
     * coverage and interleavings unless {@code -Dthreadlab.coverage=false} or {@code -Dthreadlab.interleavings=false}.
     */
    public static GradeReport gradeAllButBenchmarks(Path path, Set<Exercise> exercises) {
        return grade(path, exercises, MEASURE_COVERAGE, Rubric.defaults(CATALOG).only(id -> (EXPLORE_INTERLEAVINGS
                || !SCENARIOS.contains(id)) && !MEASURED.contains(id)));
    }

    /** Grades everything, interleavings included whatever {@code -Dthreadlab.interleavings} says. */
    public static GradeReport gradeEverything(Path path, Set<Exercise> exercises) {
        return grade(path, exercises, true, Rubric.defaults(CATALOG));
    }

    private static GradeReport grade(Path path, Set<Exercise> exercises, boolean full, Rubric rubric) {
        try {
            Path work = Files.createTempDirectory("threadlab-grading-");
            return ENGINE.grade(new GradeRequest(path, path.getFileName().toString(), exercises, SEED, !full, rubric, work,
                    GradeRequest.DEFAULT_EXERCISE_BUDGET, work.resolve("artifacts"), SANDBOX));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Grades only the interleaving scenarios (vmlens) of {@code exercises} of the submission at {@code path}, and
     * of those only the ones {@code wanted} accepts.
     */
    public static GradeReport gradeInterleavings(Path path, Set<Exercise> exercises, Predicate<String> wanted) {
        return grade(path, exercises, true, Rubric.defaults(CATALOG).only(id -> SCENARIOS.contains(id) && wanted.test(id)));
    }

    /**
     * Grades only the performance checks (benchmarks) of {@code exercises} of the submission at {@code path}, and of
     * those only the ones {@code wanted} accepts.
     */
    public static GradeReport gradePerformance(Path path, Set<Exercise> exercises, Predicate<String> wanted) {
        return grade(path, exercises, true, Rubric.defaults(CATALOG).only(id -> MEASURED.contains(id) && wanted.test(id)));
    }

    private static Set<String> idsOf(Category category) {
        return CATALOG.all().stream().filter(c -> c.category() == category).map(CheckDefinition::id).collect(Collectors.toSet());
    }

    /** The checks of one graded exercise, by id. */
    public static Map<String, CheckReport> checks(GradeReport report, Exercise exercise) {
        ExerciseReport graded = report.exercises().stream().filter(e -> e.id().equals(exercise.id())).findFirst().orElseThrow();
        return checks(graded.checks());
    }

    /** {@code checks} by id. */
    public static Map<String, CheckReport> checks(java.util.List<CheckReport> checks) {
        return checks.stream().collect(Collectors.toMap(CheckReport::id, Function.identity()));
    }
}
