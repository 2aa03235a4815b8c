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
import threadlab.grader.engine.GradeRequest;
import threadlab.grader.engine.GradingEngine;
import threadlab.grader.engine.Progress;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.report.CheckReport;
import threadlab.grader.report.ExerciseReport;
import threadlab.grader.report.GradeReport;
import threadlab.grader.rubric.Rubric;

/** Grades submissions from tests, through the real engine and forked JVMs. */
public final class Grading {

    public static final long SEED = 20261122L;
    public static final CheckCatalog CATALOG = CheckCatalog.load();
    /**
     * {@code -Dthreadlab.interleavings=false} leaves the interleaving scenarios out of full gradings: CI explores
     * them on JDK 17 and, to stay within its time, only through a few fixtures on JDK 25.
     */
    public static final boolean EXPLORE_INTERLEAVINGS = !"false".equals(System.getProperty("threadlab.interleavings"));
    private static final Set<String> SCENARIOS = CATALOG.all().stream()
            .filter(c -> c.category() == Category.INTERLEAVINGS).map(CheckDefinition::id).collect(Collectors.toSet());
    private static final GradingEngine ENGINE = new GradingEngine(GradingEngine.currentClasspath(), CATALOG, Progress.SILENT);

    private Grading() {
    }

    /**
     * Grades {@code exercises} of the submission at {@code path}; without coverage and interleavings unless
     * {@code full} (and then with interleavings unless {@code -Dthreadlab.interleavings=false}).
     */
    public static GradeReport grade(Path path, Set<Exercise> exercises, boolean full) {
        return grade(path, exercises, full, full && !EXPLORE_INTERLEAVINGS ? withoutInterleavings() : Rubric.defaults(CATALOG));
    }

    /** Grades everything, interleavings included whatever {@code -Dthreadlab.interleavings} says. */
    public static GradeReport gradeEverything(Path path, Set<Exercise> exercises) {
        return grade(path, exercises, true, Rubric.defaults(CATALOG));
    }

    private static GradeReport grade(Path path, Set<Exercise> exercises, boolean full, Rubric rubric) {
        try {
            Path work = Files.createTempDirectory("threadlab-grading-");
            return ENGINE.grade(new GradeRequest(path, path.getFileName().toString(), exercises, SEED, !full, rubric, work));
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

    private static Rubric withoutInterleavings() {
        return Rubric.defaults(CATALOG).only(id -> !SCENARIOS.contains(id));
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
