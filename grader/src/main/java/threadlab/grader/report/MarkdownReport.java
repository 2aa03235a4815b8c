package threadlab.grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code summary.md}: the score table and every lost point in Markdown, for pages that render it — a GitHub Actions
 * job summary ({@code cat summary.md >> "$GITHUB_STEP_SUMMARY"}), a pull request comment, a wiki.
 */
final class MarkdownReport implements ReportFormat.ReportWriter {

    @Override
    public Path write(GradeReport report, Path outDir) throws IOException {
        Path file = outDir.resolve("summary.md");
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
        return file;
    }

    static String render(GradeReport report) {
        StringBuilder out = new StringBuilder("## ThreadLab: ").append(Points.of(report.score(), report.maxScore()))
                .append(String.format(" points (%.0f%%)%n%n", report.percent()));
        out.append("| exercise | status | points |\n|---|---|---:|\n");
        for (ExerciseReport exercise : report.exercises()) {
            out.append("| ").append(exercise.id()).append(" | ").append(exercise.status()).append(" | ")
                    .append(Points.of(exercise.score(), exercise.maxScore())).append(" |\n");
        }
        for (ExerciseReport exercise : report.exercises()) {
            lostPoints(exercise, out);
        }
        List<String> legend = StatusLegend.lines(report);
        if (!legend.isEmpty()) {
            out.append("\n**What the statuses mean**\n\n");
            legend.forEach(line -> out.append("- ").append(Markdown.of(line)).append('\n'));
        }
        out.append('\n').append(Markdown.of(report.rerunHint())).append('\n');
        return out.toString();
    }

    private static void lostPoints(ExerciseReport exercise, StringBuilder out) {
        if (!exercise.ran() || ExerciseReport.NOT_STARTED.equals(exercise.status())) {
            return; // the table says it all
        }
        boolean header = false;
        for (CheckReport check : exercise.checks()) {
            if (check.passed()) {
                continue;
            }
            if (!header) {
                out.append("\n### ").append(exercise.id()).append(": lost points\n");
                header = true;
            }
            out.append("\n<details><summary>").append(Markdown.bold(check.title())).append(" — ")
                    .append(Points.of(check.score(), check.maxScore())).append(", ").append(check.status().id())
                    .append(" (").append(check.reason().id()).append(")</summary>\n\n")
                    .append(check.hidden() ? "Details of this check are hidden by your instructor." : Markdown.of(check.message()))
                    .append("\n\n</details>\n");
        }
    }
}
