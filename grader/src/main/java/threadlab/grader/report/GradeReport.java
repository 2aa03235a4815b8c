package threadlab.grader.report;

import java.util.List;
import java.util.stream.Collectors;
import threadlab.grader.exercise.Course;
import threadlab.grader.exercise.Exercise;

/**
 * The result of grading one submission; serialized as {@code result.json}, schema version 1 (see
 * {@code result.schema.json}). Fields are only ever added, never renamed or removed, within a schema
 * version.
 *
 * @param schemaVersion always 1 for this shape
 * @param submission    what was graded (a path, or the label given on the command line)
 * @param seed          the seed of every random choice; {@code --seed} with it reproduces the run
 * @param quick         whether slow phases (coverage) were skipped
 * @param durationMs    how long the whole grading took
 * @param leaderboard   the measurements the rubric puts on Gradescope's leaderboard, by name ({@link Leaderboard})
 */
public record GradeReport(int schemaVersion, String submission, String graderVersion, String gradedAt, long seed,
                          boolean quick, double score, double maxScore, List<ExerciseReport> exercises,
                          long durationMs, List<String> leaderboard) {

    public static final int SCHEMA_VERSION = 1;

    public GradeReport {
        leaderboard = leaderboard == null ? List.of() : List.copyOf(leaderboard); // results written before it existed
    }

    /**
     * The report as students may see it: the details of every check the rubric hides are taken out. Every report
     * writer receives this view (see {@link ReportFormat#write}); only the instructor's copy in batch grading keeps
     * the details.
     */
    public GradeReport forStudents() {
        return new GradeReport(schemaVersion, submission, graderVersion, gradedAt, seed, quick, score, maxScore,
                exercises.stream().map(ExerciseReport::forStudents).toList(), durationMs, leaderboard);
    }

    /** Score as a percentage of the maximum, 0 when nothing could be scored. */
    public double percent() {
        return maxScore == 0 ? 0 : 100.0 * score / maxScore;
    }

    /**
     * How to make the same random choices again, for the student: the command with this run's seed and exercises.
     * Only the choices repeat; how the threads are scheduled differs from run to run.
     */
    public String rerunHint() {
        List<String> builtIn = Course.builtIn().exercises().stream().map(Exercise::id).toList();
        List<String> graded = exercises().stream().map(ExerciseReport::id).toList();
        String exercisesOption = graded.equals(builtIn) ? ""
                : graded.stream().map(id -> " --exercise " + id).collect(Collectors.joining());
        String packs = builtIn.containsAll(graded) ? "" : " (with the same --packs)";
        return "./grade grade --seed " + seed() + exercisesOption + packs + " makes the same random choices again (inputs, "
                + "operation mixes, thread counts, where the scheduling noise pauses); how the threads are scheduled still differs from run to run.";
    }
}
