package threadlab.grader.report;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/**
 * {@code report.html}: a self-contained page (no external files, works offline) with scores per
 * exercise, each lost point with its message and counterexample, and coverage gaps.
 */
final class HtmlReport implements ReportFormat.ReportWriter {

    private static final Template TEMPLATE = compile();

    @Override
    public Path write(GradeReport report, Path outDir) throws IOException {
        Path file = outDir.resolve("report.html");
        Files.writeString(file, TEMPLATE.execute(model(report)), StandardCharsets.UTF_8);
        return file;
    }

    private static Map<String, Object> model(GradeReport report) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("submission", report.submission());
        model.put("version", report.graderVersion());
        model.put("gradedAt", report.gradedAt());
        model.put("seed", report.seed());
        model.put("rerunHint", report.rerunHint());
        model.put("quick", report.quick());
        model.put("score", Points.of(report.score(), report.maxScore()));
        model.put("percent", Math.round(report.percent()));
        List<Map<String, Object>> exercises = new ArrayList<>();
        List<Map<String, Object>> lost = new ArrayList<>();
        for (ExerciseReport exercise : report.exercises()) {
            Map<String, Object> e = new LinkedHashMap<>();
            boolean notStarted = ExerciseReport.NOT_STARTED.equals(exercise.status());
            e.put("id", exercise.id());
            e.put("status", exercise.status());
            e.put("notStarted", notStarted);
            e.put("score", Points.of(exercise.score(), exercise.maxScore()));
            e.put("percent", exercise.maxScore() == 0 ? 0 : Math.round(100 * exercise.score() / exercise.maxScore()));
            e.put("compilerMessages", exercise.compilerMessages());
            e.put("apiDrift", exercise.apiDrift());
            e.put("coverage", exercise.coverage());
            e.put("output", exercise.output());
            e.put("notGraded", exercise.notGraded());
            if (exercise.benchmark() != null) {
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("heading", BenchmarkTable.heading(exercise.benchmark()));
                b.put("advisory", !exercise.benchmark().isolated());
                b.put("rows", BenchmarkTable.cells(exercise.benchmark()));
                b.put("ratios", BenchmarkTable.ratios(exercise.benchmark()).entrySet().stream()
                        .map(r -> Map.of("name", r.getKey(), "value", r.getValue())).toList());
                b.put("shares", BenchmarkTable.shares(exercise.benchmark()));
                b.put("problems", exercise.benchmark().problems());
                e.put("benchmark", b);
            }
            if (notStarted) {
                lost.add(Map.of("anchor", exercise.id(), "what", exercise.id() + ": not started",
                        "points", Points.of(exercise.score(), exercise.maxScore())));
            }
            List<Map<String, Object>> checks = new ArrayList<>();
            for (CheckReport check : lostFirst(exercise.checks())) {
                if (!check.passed() && !notStarted) {
                    lost.add(Map.of("anchor", check.id(), "what", exercise.id() + ": " + check.title(),
                            "points", Points.of(check.score(), check.maxScore())));
                }
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("id", check.id());
                c.put("title", check.title());
                c.put("category", check.category());
                c.put("status", check.status().id());
                c.put("reason", check.reason().id());
                c.put("passed", check.passed());
                c.put("points", Points.of(check.score(), check.maxScore()));
                c.put("message", check.hidden() ? "Details of this check are hidden by your instructor." : check.message());
                checks.add(c);
            }
            e.put("checks", checks);
            exercises.add(e);
        }
        model.put("exercises", exercises);
        model.put("lost", lost);
        model.put("legend", StatusLegend.lines(report));
        SpeedupChart.png(report).ifPresent(png -> model.put("chart", "data:image/png;base64," + Base64.getEncoder().encodeToString(png)));
        model.put("advisory", report.exercises().stream().anyMatch(e -> e.benchmark() != null && !e.benchmark().isolated()));
        return model;
    }

    /** The checks that lost points first, each group in the suite's order. */
    static List<CheckReport> lostFirst(List<CheckReport> checks) {
        List<CheckReport> ordered = new ArrayList<>(checks.stream().filter(c -> !c.passed()).toList());
        ordered.addAll(checks.stream().filter(CheckReport::passed).toList());
        return ordered;
    }

    private static Template compile() {
        try (Reader in = new InputStreamReader(HtmlReport.class.getResourceAsStream("report.html.mustache"), StandardCharsets.UTF_8)) {
            return Mustache.compiler().defaultValue("").zeroIsFalse(true).emptyStringIsFalse(true).compile(in);
        } catch (IOException e) {
            throw new IllegalStateException("the grader lacks its HTML template", e);
        }
    }
}
