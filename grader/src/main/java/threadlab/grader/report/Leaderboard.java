package threadlab.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import threadlab.grader.benchmark.BenchmarkRow;
import threadlab.grader.benchmark.BenchmarkShare;

/**
 * Gradescope's leaderboard: the benchmark measurements the rubric names ({@link GradeReport#leaderboard()}), higher is
 * better for each. A measurement's name is the exercise's id and what was measured:
 * <ul>
 *   <li>each throughput ratio as the benchmark names it (the reference's time over the student's), e.g.
 *       {@code boundedbuffer.throughput-vs-array-blocking-queue};</li>
 *   <li>for each workload measured with several worker counts, the best speed-up of the student's implementation
 *       over the sequential run, {@code <exercise>.<workload>-speedup}, e.g. {@code poolexecutor.io-bound-speedup}.</li>
 * </ul>
 * A named measurement the grading did not take (a benchmark skipped or failed) is left off.
 */
public final class Leaderboard {

    private Leaderboard() {
    }

    /** Gradescope's {@code leaderboard} entries, in the rubric's order. */
    static List<Map<String, Object>> entries(GradeReport report) {
        Map<String, Double> measured = measurements(report);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String name : report.leaderboard()) {
            Double value = measured.get(name);
            if (value != null) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", name);
                entry.put("value", Math.round(value * 100) / 100.0);
                entry.put("order", "desc");
                entries.add(entry);
            }
        }
        return entries;
    }

    /** Every measurement of the report, by name (see the class comment); also the class summary of a batch. */
    public static Map<String, Double> measurements(GradeReport report) {
        Map<String, Double> measured = new LinkedHashMap<>();
        for (ExerciseReport exercise : report.exercises()) {
            BenchmarkReport benchmark = exercise.benchmark();
            if (benchmark == null) {
                continue;
            }
            measured.putAll(benchmark.ratios());
            for (BenchmarkShare scored : benchmark.shares()) {
                benchmark.rows().stream()
                        .filter(r -> r.measured() && r.workload().equals(scored.workload())
                                && r.implementation().equals(scored.implementation()))
                        .mapToDouble(BenchmarkRow::speedup).max()
                        .ifPresent(best -> measured.merge(exercise.id() + "." + scored.workload() + "-speedup", best,
                                Math::max));
            }
        }
        return measured;
    }
}
