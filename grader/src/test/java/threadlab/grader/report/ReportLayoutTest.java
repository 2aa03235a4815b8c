package threadlab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.rubric.Visibility;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/** What a student reads first: the lost points, and exercises not started folded to one line. */
class ReportLayoutTest {

    private static final CheckReport STUB = check("counterlock.trylock", CheckStatus.FAILED, Reason.NOT_IMPLEMENTED, 0,
            "Not implemented yet: tryLock");
    private static final CheckReport UNMEASURED = check("counterlock.speed", CheckStatus.FAILED, Reason.NOT_MEASURED, 0,
            "Not measured");
    private static final CheckReport PASSED = check("boundedbuffer.fifo-order", CheckStatus.PASSED, Reason.NONE, 2, null);
    private static final CheckReport LOST = check("boundedbuffer.conservation", CheckStatus.FAILED, Reason.ASSERTION, 0,
            "an item was taken twice");

    @TempDir
    Path out;

    @Test
    void anExerciseIsNotStartedWhenEveryCheckRanIntoTheStub() {
        assertThat(ExerciseReport.statusOfRun(List.of(STUB, UNMEASURED))).isEqualTo(ExerciseReport.NOT_STARTED);
        assertThat(ExerciseReport.statusOfRun(List.of(UNMEASURED))).as("nothing says 'not implemented'")
                .isEqualTo(ExerciseReport.GRADED);
        assertThat(ExerciseReport.statusOfRun(List.of(STUB, LOST))).as("part of it runs").isEqualTo(ExerciseReport.GRADED);
        assertThat(ExerciseReport.statusOfRun(List.of(STUB, PASSED))).isEqualTo(ExerciseReport.GRADED);
    }

    @Test
    void theTextAndHtmlNameTheFilesLeftOut() throws Exception {
        GradeReport report = report();
        GradeReport withTests = new GradeReport(report.schemaVersion(), report.submission(), report.graderVersion(),
                report.gradedAt(), report.seed(), report.quick(), report.score(), report.maxScore(),
                List.of(report.exercises().get(0), report.exercises().get(1).withNotGraded(
                        List.of("BoundedBufferTest.java (a test)"))), report.durationMs(), report.leaderboard());
        assertThat(TextReport.render(withTests, false))
                .contains("== boundedbuffer: files left out — not graded: BoundedBufferTest.java (a test)");
        assertThat(Files.readString(ReportFormat.HTML.write(withTests, out)))
                .contains("Left out, not graded: <code>BoundedBufferTest.java (a test)</code>");
    }

    @Test
    void theTextFoldsAnExerciseNotStartedToOneLine() {
        String text = TextReport.render(report(), false);
        assertThat(text).contains("== counterlock: not started, 0/3 — every check ran into 'Not implemented yet'")
                .doesNotContain("counterlock.trylock").contains("boundedbuffer.conservation");
        GradeReport onlyTheStub = new GradeReport(GradeReport.SCHEMA_VERSION, "student", "test", "t", 1, true, 0, 3,
                List.of(report().exercises().get(0)), 1000, List.of());
        assertThat(TextReport.render(onlyTheStub, false)).as("the stub's checks, not shown one by one, need no legend")
                .doesNotContain("What the statuses mean");
    }

    @Test
    void theHtmlListsTheLostPointsFirstAndFoldsAnExerciseNotStarted() throws Exception {
        String html = Files.readString(ReportFormat.HTML.write(report(), out));
        String lostList = html.substring(html.indexOf("<section id=\"lost-points\">"), html.indexOf("</section>",
                html.indexOf("<section id=\"lost-points\">")));
        assertThat(lostList).contains("<a href=\"#counterlock\">counterlock: not started</a> — 0/3")
                .contains("<a href=\"#boundedbuffer.conservation\">boundedbuffer: conservation</a> — 0/2")
                .doesNotContain("fifo-order").doesNotContain("trylock");
        assertThat(html.indexOf("<tr id=\"boundedbuffer.conservation\">"))
                .as("the lost check comes before the passed one").isPositive()
                .isLessThan(html.indexOf("<tr id=\"boundedbuffer.fifo-order\">"));
        assertThat(html).doesNotContain("<tr id=\"counterlock.trylock\">");
    }

    @Test
    void theMarkdownSummaryHasTheScoreTableAndEachLostPointForAJobSummary() throws Exception {
        String markdown = Files.readString(ReportFormat.MARKDOWN.write(report(), out));
        assertThat(markdown).startsWith("## ThreadLab: 2/7 points")
                .contains("| exercise | status | points |\n|---|---|---:|\n| counterlock | not-started | 0/3 |\n"
                        + "| boundedbuffer | graded | 2/4 |\n")
                .contains("### boundedbuffer: lost points")
                .contains("<details><summary>**conservation** — 0/2, failed (assertion)</summary>\n\nan item was taken twice")
                .doesNotContain("trylock").doesNotContain("fifo-order");
    }

    private static GradeReport report() {
        ExerciseReport lock = new ExerciseReport("counterlock", ExerciseReport.NOT_STARTED, 0, 3, List.of(STUB, UNMEASURED),
                List.of(), List.of(), null, "", null, List.of());
        ExerciseReport buffer = new ExerciseReport("boundedbuffer", ExerciseReport.GRADED, 2, 4, List.of(PASSED, LOST),
                List.of(), List.of(), null, "", null, List.of());
        return new GradeReport(GradeReport.SCHEMA_VERSION, "student", "test", "2026-12-02T00:00:00Z", 1, true, 2, 7,
                List.of(lock, buffer), 1000, List.of());
    }

    private static CheckReport check(String id, CheckStatus status, Reason reason, double score, String message) {
        double max = id.startsWith("counterlock") ? 1.5 : 2;
        return new CheckReport(id, "correctness", id.substring(id.indexOf('.') + 1), status, reason, score, max, message,
                Visibility.VISIBLE, 1);
    }
}
