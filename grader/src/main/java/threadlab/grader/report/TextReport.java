package threadlab.grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import threadlab.grader.api.Category;
import threadlab.grader.verdict.CheckStatus;

/**
 * The human report: a table of exercises by category, the total, then every lost point with its
 * message. {@link #render(GradeReport, boolean)} gives the text (with colour for a terminal);
 * {@code summary.txt} is written without colour.
 */
public final class TextReport implements ReportFormat.ReportWriter {

    private static final String RED = "\u001B[31m";
    private static final String GREEN = "\u001B[32m";
    private static final String YELLOW = "\u001B[33m";
    private static final String BOLD = "\u001B[1m";
    private static final String RESET = "\u001B[0m";

    @Override
    public Path write(GradeReport report, Path outDir) throws IOException {
        Path file = outDir.resolve("summary.txt");
        Files.writeString(file, render(report, false), StandardCharsets.UTF_8);
        return file;
    }

    /** The report as text; {@code colour} adds ANSI colours. */
    public static String render(GradeReport report, boolean colour) {
        Style style = new Style(colour);
        StringBuilder out = new StringBuilder();
        out.append(style.bold("ThreadLab grade for " + report.submission())).append('\n');
        out.append("seed ").append(report.seed()).append(report.quick() ? "  (quick: coverage, interleavings and benchmarks skipped)" : "").append("\n\n");
        table(report, out);
        out.append('\n').append(style.bold(String.format("Total: %s points (%.0f%%)", Points.of(report.score(), report.maxScore()),
                report.percent()))).append('\n');
        for (ExerciseReport exercise : report.exercises()) {
            details(exercise, out, style);
        }
        for (ExerciseReport exercise : report.exercises()) {
            if (exercise.benchmark() != null) {
                out.append('\n').append(style.bold("== " + exercise.id() + ": benchmark")).append('\n');
                BenchmarkTable.lines(exercise.benchmark()).forEach(line -> out.append("  ").append(line).append('\n'));
            }
        }
        List<String> legend = StatusLegend.lines(report);
        if (!legend.isEmpty()) {
            out.append('\n').append(style.bold("What the statuses mean")).append('\n');
            legend.forEach(line -> out.append("  ").append(line).append('\n'));
        }
        out.append('\n').append(report.rerunHint()).append('\n');
        return out.toString();
    }

    /** Hours, minutes and seconds always: {@code LocalTime.toString()} leaves out seconds that are zero. */
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /**
     * A few lines for {@code --watch}: the time and total, then one line per exercise with what lost points (the
     * checks, the first compiler message, or its status).
     */
    public static String brief(GradeReport report, LocalTime at) {
        StringBuilder out = new StringBuilder(String.format("%n[%s] %s points (%.0f%%)%n", CLOCK.format(at),
                Points.of(report.score(), report.maxScore()), report.percent()));
        for (ExerciseReport exercise : report.exercises()) {
            out.append(String.format("  %-14s %7s  %s%n", exercise.id(), Points.of(exercise.score(), exercise.maxScore()),
                    briefly(exercise)));
        }
        return out.toString();
    }

    private static String briefly(ExerciseReport exercise) {
        if (ExerciseReport.COMPILE_ERROR.equals(exercise.status()) && !exercise.compilerMessages().isEmpty()) {
            return "does not compile: " + exercise.compilerMessages().get(0).lines().findFirst().orElse("");
        }
        if (!ExerciseReport.GRADED.equals(exercise.status())) {
            return exercise.status().replace('-', ' ');
        }
        List<String> lost = exercise.checks().stream().filter(c -> !c.passed())
                .map(c -> c.id().substring(c.id().indexOf('.') + 1) + " " + Points.of(c.score(), c.maxScore())).toList();
        return lost.isEmpty() ? "full marks" : "lost: " + String.join(", ", lost);
    }

    private static void table(GradeReport report, StringBuilder out) {
        List<Category> categories = new ArrayList<>();
        for (Category category : Category.values()) {
            if (report.exercises().stream().flatMap(e -> e.checks().stream()).anyMatch(c -> c.category().equals(category.id()))) {
                categories.add(category);
            }
        }
        out.append(String.format("%-15s", "exercise"));
        categories.forEach(c -> out.append(String.format("%14s", c.id())));
        out.append(String.format("%10s  %s%n", "total", "status"));
        for (ExerciseReport exercise : report.exercises()) {
            out.append(String.format("%-15s", exercise.id()));
            for (Category category : categories) {
                Map<String, double[]> sums = byCategory(exercise);
                double[] sum = sums.get(category.id());
                out.append(String.format("%14s", sum == null ? "-" : Points.of(sum[0], sum[1])));
            }
            out.append(String.format("%10s  %s%n", Points.of(exercise.score(), exercise.maxScore()), exercise.status()));
        }
    }

    private static Map<String, double[]> byCategory(ExerciseReport exercise) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (CheckReport check : exercise.checks()) {
            double[] sum = sums.computeIfAbsent(check.category(), k -> new double[2]);
            sum[0] += check.score();
            sum[1] += check.maxScore();
        }
        return sums;
    }

    private static void details(ExerciseReport exercise, StringBuilder out, Style style) {
        if (!exercise.notGraded().isEmpty()) {
            out.append('\n').append(style.bold("== " + exercise.id() + ": files left out")).append(" — not graded: ")
                    .append(String.join(", ", exercise.notGraded())).append('\n');
        }
        boolean header = false;
        if (ExerciseReport.COMPILE_ERROR.equals(exercise.status())) {
            out.append('\n').append(style.bold("== " + exercise.id() + ": does not compile")).append('\n');
            exercise.compilerMessages().forEach(m -> out.append("  ").append(m).append('\n'));
            return;
        }
        if (ExerciseReport.NOT_STARTED.equals(exercise.status())) {
            out.append('\n').append(style.bold("== " + exercise.id() + ": not started, "
                    + Points.of(exercise.score(), exercise.maxScore()))).append(" — every check ran into 'Not implemented"
                    + " yet'; its guide (exercises/guides/, or a pack's README.md) says where to begin\n");
            return;
        }
        if (ExerciseReport.MISSING.equals(exercise.status())) {
            out.append('\n').append(style.bold("== " + exercise.id() + ": missing")).append(" — no source file declares 'package threadlab.")
                    .append(exercise.id()).append(";'\n");
            return;
        }
        if (!exercise.apiDrift().isEmpty()) {
            out.append('\n').append(style.bold("== " + exercise.id() + ": the public API differs from the contract")).append('\n');
            exercise.apiDrift().forEach(d -> out.append("  ").append(d).append('\n'));
            header = true;
        }
        for (CheckReport check : exercise.checks()) {
            if (check.passed()) {
                continue;
            }
            if (!header) {
                out.append('\n').append(style.bold("== " + exercise.id() + ": lost points")).append('\n');
                header = true;
            }
            out.append(style.status(check.status())).append(' ').append(check.id())
                    .append(" (").append(Points.of(check.score(), check.maxScore())).append(", ").append(check.category()).append(") ")
                    .append(check.title()).append('\n');
            String message = check.hidden() ? "(details of this check are hidden by your instructor)" : check.message();
            if (message != null) {
                message.lines().forEach(line -> out.append("      ").append(line).append('\n'));
            }
        }
        if (exercise.coverage() != null && !exercise.coverage().gaps().isEmpty()) {
            CoverageReport coverage = exercise.coverage();
            if (!header) {
                out.append('\n').append(style.bold("== " + exercise.id() + ": full marks")).append('\n');
            }
            out.append("  Coverage of your code by the checks: ").append(coverage.linesCovered()).append('/')
                    .append(coverage.linesTotal()).append(" lines, ").append(coverage.branchesCovered()).append('/')
                    .append(coverage.branchesTotal()).append(" branches. Never reached (no points depend on it):\n");
            coverage.gaps().forEach(g -> out.append("    - ").append(g).append('\n'));
        }
    }

    /** ANSI colours, or none. */
    private record Style(boolean colour) {
        String bold(String text) {
            return colour ? BOLD + text + RESET : text;
        }

        String status(CheckStatus status) {
            String label = String.format("  [%s]", status.name());
            if (!colour) {
                return label;
            }
            return colourOf(status) + label + RESET;
        }

        private static String colourOf(CheckStatus status) {
            switch (status) {
                case PASSED:
                    return GREEN;
                case SKIPPED:
                case INCONCLUSIVE:
                case PARTIAL:
                    return YELLOW;
                default:
                    return RED;
            }
        }
    }
}
