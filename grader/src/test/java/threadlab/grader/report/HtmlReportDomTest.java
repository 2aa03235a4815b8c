package threadlab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.rubric.Visibility;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/** {@code report.html} read as a browser's parser reads it: what comes first, where each link leads. */
class HtmlReportDomTest {

    @TempDir
    Path out;
    private Document page;

    @BeforeEach
    void render() throws Exception {
        page = Jsoup.parse(ReportFormat.HTML.write(report(), out).toFile());
    }

    @Test
    void theLostPointsComeRightAfterTheScoreTableAndEveryLinkLeadsSomewhere() {
        Element lost = page.getElementById("lost-points");
        assertThat(lost).isNotNull();
        assertThat(lost.select("li")).extracting(Element::text).containsExactly(
                "counterlock: not started — 0/3", "boundedbuffer: conservation — 0/2", "boundedbuffer: timeouts — 0/1");
        Element firstExercise = page.getElementById("counterlock");
        assertThat(lost.siblingIndex()).isLessThan(firstExercise.siblingIndex());
        for (Element link : page.select("a[href^=#]")) {
            assertThat(page.getElementById(link.attr("href").substring(1))).as(link.attr("href")).isNotNull();
        }
    }

    @Test
    void anExerciseNotStartedIsOneParagraphAndTheOthersListTheirLostChecksFirst() {
        Element notStarted = page.getElementById("counterlock");
        assertThat(notStarted.select("table")).isEmpty();
        assertThat(notStarted.select("p").text()).contains("Not started");
        assertThat(page.getElementById("boundedbuffer").select("tr[id]")).extracting(e -> e.id())
                .containsExactly("boundedbuffer.conservation", "boundedbuffer.timeouts", "boundedbuffer.fifo-order");
    }

    @Test
    void theStatusesShownAreExplained() {
        assertThat(page.getElementById("statuses").select("li")).extracting(Element::text)
                .anySatisfy(t -> assertThat(t).startsWith("failed: the check found a bug"))
                .anySatisfy(t -> assertThat(t).startsWith("timeout: "));
    }

    private static GradeReport report() {
        ExerciseReport lock = new ExerciseReport("counterlock", ExerciseReport.NOT_STARTED, 0, 3,
                List.of(check("counterlock.trylock", CheckStatus.FAILED, Reason.NOT_IMPLEMENTED, 0, 3)), List.of(),
                List.of(), null, "", null, List.of());
        ExerciseReport buffer = new ExerciseReport("boundedbuffer", ExerciseReport.GRADED, 2, 5, List.of(
                check("boundedbuffer.fifo-order", CheckStatus.PASSED, Reason.NONE, 2, 2),
                check("boundedbuffer.conservation", CheckStatus.FAILED, Reason.ASSERTION, 0, 2),
                check("boundedbuffer.timeouts", CheckStatus.TIMEOUT, Reason.TIMEOUT, 0, 1)), List.of(), List.of(), null,
                "", null, List.of());
        return new GradeReport(GradeReport.SCHEMA_VERSION, "student", "test", "2026-12-02T00:00:00Z", 1, true, 2, 8,
                List.of(lock, buffer), 1000, List.of());
    }

    private static CheckReport check(String id, CheckStatus status, Reason reason, double score, double max) {
        return new CheckReport(id, "correctness", id.substring(id.indexOf('.') + 1), status, reason, score, max,
                status == CheckStatus.PASSED ? null : "what happened", Visibility.VISIBLE, 1);
    }
}
