package threadlab.grader.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.rubric.Rubric;
import threadlab.grader.sandbox.SandboxMode;

/**
 * What to grade, and how.
 *
 * @param submission a folder or {@code .zip} with the student's sources
 * @param label      how reports name the submission
 * @param exercises  which exercises to grade
 * @param seed       the seed of every random choice of the checks
 * @param quick      skip the slow phases (coverage, interleavings, benchmarks) for a fast inner loop
 * @param workDir    where compiled classes, logs and coverage data go
 * @param exerciseBudget bound on the checks of one exercise, however many of them hang
 * @param artifactsDir where files the reports link to are kept (vmlens' interleaving reports)
 * @param sandbox    where the benchmarks run
 */
public record GradeRequest(Path submission, String label, Set<Exercise> exercises, long seed, boolean quick,
                           Rubric rubric, Path workDir, Duration exerciseBudget, Path artifactsDir, SandboxMode sandbox) {

    /** The default bound on the checks of one exercise. */
    public static final Duration DEFAULT_EXERCISE_BUDGET = Duration.ofSeconds(75);

    public GradeRequest {
        exercises = Set.copyOf(exercises);
    }

    /** A request with the default budget per exercise, keeping artifacts in the work folder, Docker if it answers. */
    public GradeRequest(Path submission, String label, Set<Exercise> exercises, long seed, boolean quick, Rubric rubric,
            Path workDir) {
        this(submission, label, exercises, seed, quick, rubric, workDir, DEFAULT_EXERCISE_BUDGET, workDir.resolve("artifacts"),
                SandboxMode.AUTO);
    }

    /** The exercises to grade, in course order. */
    public List<Exercise> exercisesInOrder() {
        return exercises.stream().sorted(Comparator.comparingInt(Exercise::order).thenComparing(Exercise::id)).toList();
    }
}
