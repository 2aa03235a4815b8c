package threadlab.grader.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import threadlab.grader.verdict.CheckStatus;

/**
 * Gradescope's {@code results.json}: one test per check, with score, max_score, status, output (Markdown),
 * visibility and tags; the grading's execution time; and the leaderboard the rubric asks for ({@link Leaderboard}).
 * Each check gets the visibility the rubric gives it ({@code hidden}, {@code after_due_date},
 * {@code after_published}): such checks count, students see them when Gradescope says so.
 */
final class GradescopeReport implements ReportFormat.ReportWriter {

    @Override
    public Path write(GradeReport report, Path outDir) throws IOException {
        Path file = outDir.resolve("results.json");
        JsonReport.JSON.writeValue(file.toFile(), toGradescope(report));
        return file;
    }

    static Map<String, Object> toGradescope(GradeReport report) {
        List<Map<String, Object>> tests = new ArrayList<>();
        for (ExerciseReport exercise : report.exercises()) {
            for (CheckReport check : exercise.checks()) {
                Map<String, Object> test = new LinkedHashMap<>();
                test.put("name", exercise.id() + ": " + check.title());
                test.put("number", check.id());
                test.put("score", check.score());
                test.put("max_score", check.maxScore());
                test.put("status", check.passed() ? "passed" : "failed");
                test.put("output", output(check));
                test.put("tags", List.of(exercise.id(), check.category()));
                test.put("visibility", check.visibility().id());
                tests.add(test);
            }
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("score", report.score());
        results.put("execution_time", Math.max(1, Math.round(report.durationMs() / 1000.0)));
        results.put("output", Markdown.of("ThreadLab " + report.graderVersion() + ", seed " + report.seed()
                + ". Exercises: " + exerciseSummary(report) + legend(report) + benchmarks(report)));
        results.put("output_format", "md");
        results.put("test_output_format", "md");
        results.put("visibility", "visible");
        results.put("stdout_visibility", "hidden");
        results.put("tests", tests);
        List<Map<String, Object>> leaderboard = Leaderboard.entries(report);
        if (!leaderboard.isEmpty()) {
            results.put("leaderboard", leaderboard);
        }
        return results;
    }

    private static String legend(GradeReport report) {
        List<String> legend = StatusLegend.lines(report);
        return legend.isEmpty() ? "" : "\n\nWhat the statuses mean:\n" + String.join("\n", legend);
    }

    private static String benchmarks(GradeReport report) {
        StringBuilder out = new StringBuilder();
        for (ExerciseReport exercise : report.exercises()) {
            if (exercise.benchmark() != null) {
                out.append("\n\nBenchmark of ").append(exercise.id()).append(":\n")
                        .append(String.join("\n", BenchmarkTable.lines(exercise.benchmark())));
            }
        }
        return out.toString();
    }

    private static String exerciseSummary(GradeReport report) {
        List<String> parts = new ArrayList<>();
        for (ExerciseReport exercise : report.exercises()) {
            parts.add(exercise.id() + " " + Points.of(exercise.score(), exercise.maxScore()) + " (" + exercise.status() + ")");
        }
        return String.join(", ", parts);
    }

    /** A passed check shows its note (what an exploration covered, why a verdict is inconclusive), a lost one its status. */
    private static String output(CheckReport check) {
        String message = Markdown.of(check.message());
        if (check.status() == CheckStatus.PASSED) {
            return message;
        }
        return Markdown.bold(check.status().id() + " (" + check.reason().id() + "):") + " "
                + Markdown.of(StatusLegend.meaning(check.status())) + "\n\n" + message;
    }
}
