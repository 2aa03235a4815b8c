package threadlab.grader.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import threadlab.grader.report.CheckReport;
import threadlab.grader.report.ExerciseReport;
import threadlab.grader.report.GradeReport;
import threadlab.grader.report.Leaderboard;
import threadlab.grader.report.Points;

/**
 * The class at a glance, as {@code summary.html}: the score distribution, what the class fails most (pass rate of
 * every check), average points per exercise, the spread of the speed-ups measured, and the submissions that could
 * not be graded, with why.
 */
final class ClassOfStudentsSummary {

    private static final Template TEMPLATE = compile();
    private ClassOfStudentsSummary() {
    }

    static void write(Path out, Gradebook gradebook, List<String> notes) {
        Map<String, GradeReport> reports = new TreeMap<>();
        for (StudentResult row : gradebook.rows()) {
            if (row.status().equals(StudentResult.GRADED)) {
                readReport(out, row.id()).ifPresent(r -> reports.put(row.id(), r));
            }
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("students", gradebook.rows().size());
        model.put("graded", reports.size());
        model.put("histogram", "data:image/png;base64," + Base64.getEncoder().encodeToString(histogram(gradebook)));
        model.put("exercises", exerciseAverages(reports));
        model.put("checks", passRates(reports));
        model.put("speedups", speedups(reports));
        model.put("exerciseIds", gradebook.exerciseIds());
        model.put("rows", studentRows(out, gradebook));
        model.put("problems", gradebook.rows().stream().filter(r -> !r.status().equals(StudentResult.GRADED))
                .map(r -> Map.of("id", r.id(), "status", r.status(), "reason", r.reason())).toList());
        model.put("notes", notes);
        Gradebook.writeAtomically(out.resolve("summary.html"), TEMPLATE.execute(model));
    }

    /** One row per student: total, each exercise's points and status, and a link to the student's own report. */
    private static List<Map<String, Object>> studentRows(Path out, Gradebook gradebook) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StudentResult row : gradebook.rows()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", row.id());
            r.put("name", row.name());
            r.put("status", row.status());
            r.put("score", Points.of(row.score(), row.maxScore()));
            r.put("percent", row.maxScore() == 0 ? 0 : Math.round(100 * row.score() / row.maxScore()));
            r.put("cells", gradebook.exerciseIds().stream().map(e -> Map.of(
                    "points", row.exercises().containsKey(e) ? Points.format(row.exercises().get(e)) : "",
                    "status", row.exerciseStatuses().getOrDefault(e, ""))).toList());
            Path report = out.resolve(Gradebook.STUDENTS).resolve(row.id()).resolve("report.html");
            r.put("report", Files.isRegularFile(report) ? Gradebook.STUDENTS + "/" + row.id() + "/report.html" : "");
            rows.add(r);
        }
        return rows;
    }

    private static java.util.Optional<GradeReport> readReport(Path out, String id) {
        Path file = out.resolve(Gradebook.STUDENTS).resolve(id).resolve("result.json");
        try {
            return Files.isRegularFile(file) ? java.util.Optional.of(StudentGrader.JSON.readValue(file.toFile(), GradeReport.class))
                    : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static byte[] histogram(Gradebook gradebook) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int[] buckets = new int[10];
        for (StudentResult row : gradebook.rows()) {
            if (row.status().equals(StudentResult.GRADED) && row.maxScore() > 0) {
                buckets[Math.min(9, (int) (10 * row.score() / row.maxScore()))]++;
            }
        }
        for (int i = 0; i < 10; i++) {
            data.addValue(buckets[i], "students", (i * 10) + "%");
        }
        JFreeChart chart = ChartFactory.createBarChart("Score distribution", "score (each bar: 10 % from its label)",
                "students", data, PlotOrientation.VERTICAL, false, false, false);
        chart.getCategoryPlot().setBackgroundPaint(java.awt.Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        chart.getCategoryPlot().getRangeAxis().setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        chart.getCategoryPlot().getRenderer().setSeriesPaint(0, new java.awt.Color(0x2a9d5c));
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(png, chart, 700, 320);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, Object>> exerciseAverages(Map<String, GradeReport> reports) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (GradeReport report : reports.values()) {
            for (ExerciseReport exercise : report.exercises()) {
                double[] sum = sums.computeIfAbsent(exercise.id(), k -> new double[3]);
                sum[0] += exercise.score();
                sum[1] = Math.max(sum[1], exercise.maxScore());
                sum[2]++;
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        sums.forEach((id, sum) -> rows.add(Map.of("id", id, "average", format(sum[0] / sum[2]), "max", format(sum[1]),
                "percent", Math.round(sum[1] == 0 ? 0 : 100 * sum[0] / sum[2] / sum[1]))));
        return rows;
    }

    /** Every check with its pass rate, the ones the class fails most first. */
    private static List<Map<String, Object>> passRates(Map<String, GradeReport> reports) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, String> titles = new TreeMap<>();
        for (GradeReport report : reports.values()) {
            for (ExerciseReport exercise : report.exercises()) {
                for (CheckReport check : exercise.checks()) {
                    int[] count = counts.computeIfAbsent(check.id(), k -> new int[2]);
                    count[0] += check.passed() ? 1 : 0;
                    count[1]++;
                    titles.put(check.id(), check.title());
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(java.util.Comparator.comparingDouble(e -> (double) e.getValue()[0] / e.getValue()[1]))
                .map(e -> Map.<String, Object>of("id", e.getKey(), "title", titles.get(e.getKey()),
                        "passed", e.getValue()[0], "of", e.getValue()[1],
                        "percent", Math.round(100.0 * e.getValue()[0] / e.getValue()[1])))
                .toList();
    }

    /** Each benchmark measurement across the class (the leaderboard's: best speed-ups, throughput ratios). */
    private static List<Map<String, Object>> speedups(Map<String, GradeReport> reports) {
        Map<String, List<Double>> byName = new TreeMap<>();
        reports.values().forEach(report -> Leaderboard.measurements(report)
                .forEach((name, value) -> byName.computeIfAbsent(name, n -> new ArrayList<>()).add(value)));
        List<Map<String, Object>> rows = new ArrayList<>();
        byName.forEach((name, values) -> {
            values.sort(null);
            rows.add(Map.of("what", name, "count", values.size(), "min", format(values.get(0)) + "x",
                    "median", format(values.get(values.size() / 2)) + "x", "max", format(values.get(values.size() - 1)) + "x"));
        });
        return rows;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static Template compile() {
        try (Reader in = new InputStreamReader(ClassOfStudentsSummary.class.getResourceAsStream("summary.html.mustache"), StandardCharsets.UTF_8)) {
            return Mustache.compiler().defaultValue("").emptyStringIsFalse(true).zeroIsFalse(true).compile(in);
        } catch (IOException e) {
            throw new IllegalStateException("the grader lacks its summary template", e);
        }
    }
}
