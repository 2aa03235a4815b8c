package threadlab.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import threadlab.grader.catalog.CheckCatalog;
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
    private static final GradingEngine ENGINE = new GradingEngine(GradingEngine.currentClasspath(), CATALOG, Progress.SILENT);

    private Grading() {
    }

    /** Grades {@code exercises} of the submission at {@code path}, without coverage unless {@code full}. */
    public static GradeReport grade(Path path, Set<Exercise> exercises, boolean full) {
        try {
            Path work = Files.createTempDirectory("threadlab-grading-");
            return ENGINE.grade(new GradeRequest(path, path.getFileName().toString(), exercises, SEED, !full,
                    Rubric.defaults(CATALOG), work));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
