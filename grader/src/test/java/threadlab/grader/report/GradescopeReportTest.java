package threadlab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import threadlab.grader.benchmark.BenchmarkRow;
import threadlab.grader.benchmark.BenchmarkShare;
import threadlab.grader.benchmark.Spread;
import threadlab.grader.rubric.Visibility;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/** Gradescope's {@code results.json} on a fixed report: the fields Gradescope reads, and Markdown output. */
class GradescopeReportTest {

    private static final String TRACE = "Lincheck found an order of the threads in which the scenario fails.\n\n"
            + "| adder          | remover      |\n| addAll([1, 2]) |              |\n|                | remove(1)    |";

    @Test
    void saysHowLongTheGradingTookAndThatItsOutputIsMarkdown() {
        Map<String, Object> results = GradescopeReport.toGradescope(report(List.of()));
        assertThat(results).containsEntry("execution_time", 137L).containsEntry("output_format", "md")
                .containsEntry("test_output_format", "md").doesNotContainKey("leaderboard");
    }

    @Test
    void givesEachCheckTheVisibilityOfTheRubric() {
        List<Map<String, Object>> tests = tests(report(List.of()));
        assertThat(tests).extracting(t -> t.get("visibility")).containsExactly("visible", "after_due_date");
    }

    @Test
    void keepsTablesInACodeBlockAndEscapesProse() {
        String output = (String) tests(report(List.of())).get(0).get("output");
        assertThat(output).startsWith("**failed (assertion):**")
                .contains("Lincheck found an order of the threads in which the scenario fails.")
                .contains("```\n| adder          | remover      |\n| addAll([1, 2]) |              |\n");
        assertThat(Markdown.of("size() was 3, not 2: a *lost* update_")).isEqualTo("size() was 3, not 2: a \\*lost\\* update\\_");
        assertThat(Markdown.of("line one\nline two")).isEqualTo("line one  \nline two");
    }

    @Test
    void putsTheMeasurementsTheRubricNamesOnTheLeaderboardInItsOrder() {
        GradeReport report = report(List.of("poolexecutor.io-bound-speedup", "poolexecutor.tiny-tasks-vs-jdk",
                "processmap.cpu-bound-speedup"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> board = (List<Map<String, Object>>) GradescopeReport.toGradescope(report).get("leaderboard");
        assertThat(board).containsExactly(
                Map.of("name", "poolexecutor.io-bound-speedup", "value", 6.97, "order", "desc"),
                Map.of("name", "poolexecutor.tiny-tasks-vs-jdk", "value", 0.47, "order", "desc"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tests(GradeReport report) {
        return (List<Map<String, Object>>) GradescopeReport.toGradescope(report).get("tests");
    }

    private static GradeReport report(List<String> leaderboard) {
        CheckReport lost = new CheckReport("threadsafeset.interleaved-addall-snapshot", "interleavings", "addAll",
                CheckStatus.FAILED, Reason.ASSERTION, 0, 3, TRACE, Visibility.VISIBLE, 5);
        CheckReport later = new CheckReport("poolexecutor.io-bound-speedup", "performance", "I/O", CheckStatus.PASSED,
                Reason.NONE, 4, 4, null, Visibility.AFTER_DUE_DATE, 5);
        Spread share = new Spread(0.94, 0.87, 1.1, List.of(0.94));
        BenchmarkReport benchmark = new BenchmarkReport("local", false, 2, "17", List.of(
                new BenchmarkRow("io-bound", "sequential", 1, 800, 1.0, List.of(1.0), null),
                new BenchmarkRow("io-bound", "PoolExecutor", 4, 200, 3.94, List.of(3.94), null),
                new BenchmarkRow("io-bound", "PoolExecutor", 8, 115, 6.971, List.of(6.971), null),
                new BenchmarkRow("io-bound", "ThreadPoolExecutor", 8, 110, 7.2, List.of(7.2), null)),
                Map.of("poolexecutor.tiny-tasks-vs-jdk", 0.4744), Map.of(),
                List.of(new BenchmarkShare("io-bound", "PoolExecutor", 8, "ThreadPoolExecutor", 8, share, share, 6, 0)),
                Map.of(), List.of(), 1000);
        ExerciseReport set = new ExerciseReport("threadsafeset", ExerciseReport.GRADED, 0, 3, List.of(lost), List.of(),
                List.of(), null, "", null, List.of());
        ExerciseReport pool = new ExerciseReport("poolexecutor", ExerciseReport.GRADED, 4, 4, List.of(later), List.of(),
                List.of(), null, "", benchmark, List.of());
        return new GradeReport(GradeReport.SCHEMA_VERSION, "student", "test", "2026-12-02T00:00:00Z", 1, false, 4, 7,
                List.of(set, pool), 136_600, leaderboard);
    }
}
