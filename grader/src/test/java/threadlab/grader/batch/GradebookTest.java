package threadlab.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gradebook's files and the class summary, from rows kept by a batch (no grading needed). */
class GradebookTest {

    @TempDir
    Path out;

    @Test
    void tellsAnUntouchedStubFromASubmissionThatDoesNotCompile() throws Exception {
        keep(graded("alice", 30, 27, "graded", "graded"));
        keep(graded("bob", 0, 0, "not-started", "compile-error"));
        keep(StudentResult.failed("carol", "", "sha256:c", StudentResult.ERROR, "empty.zip is an empty zip archive", 3));
        Gradebook gradebook = Gradebook.read(out);
        assertThat(gradebook.csv()).isEqualTo("""
                id,name,status,score,max_score,counterlock,threadsafeset,counterlock_status,threadsafeset_status,reason,integrity
                alice,Alice,graded,57,57,30,27,graded,graded,,
                bob,Bob,graded,0,57,0,0,not-started,compile-error,,
                carol,,error,0,0,,,,,empty.zip is an empty zip archive,
                """);
    }

    @Test
    void writesPointsOnlyForAnLmsImportWithATotalOnlyForGradedSubmissions() throws Exception {
        keep(graded("alice", 30, 27, "graded", "graded"));
        keep(StudentResult.failed("carol", "", "sha256:c", StudentResult.TIMEOUT, "did not finish", 3));
        Gradebook.read(out).write(out);
        assertThat(out.resolve(Gradebook.LMS_CSV)).content().isEqualTo("""
                id,name,counterlock,threadsafeset,total
                alice,Alice,30,27,57
                carol,,,,
                """);
    }

    @Test
    void theClassSummaryListsEveryStudentWithTheirStatusesAndALinkToTheirReport() throws Exception {
        keep(graded("alice", 30, 27, "graded", "graded"));
        keep(graded("bob", 0, 0, "not-started", "compile-error"));
        Files.writeString(out.resolve("students/alice/report.html"), "<html></html>");
        ClassOfStudentsSummary.write(out, Gradebook.read(out), java.util.List.of());
        Document page = Jsoup.parse(out.resolve("summary.html").toFile());
        Element students = page.getElementById("students");
        assertThat(students.select("thead th.sortable")).extracting(Element::text)
                .containsExactly("student", "name", "status", "score", "%", "counterlock", "threadsafeset");
        assertThat(students.select("tbody tr")).hasSize(2);
        Element alice = students.select("tbody tr").get(0);
        assertThat(alice.select("a").attr("href")).isEqualTo("students/alice/report.html");
        assertThat(out.resolve(alice.select("a").attr("href"))).as("the link leads to the student's report").exists();
        Element bob = students.select("tbody tr").get(1);
        assertThat(bob.select("a")).as("no report to link").isEmpty();
        assertThat(bob.select("td").get(5).text()).isEqualTo("0 not-started");
        assertThat(bob.select("td").get(6).text()).isEqualTo("0 compile-error");
        assertThat(page.select("script").html()).contains("#students th.sortable");
    }

    private static StudentResult graded(String id, double lock, double set, String lockStatus, String setStatus) {
        Map<String, Double> points = new LinkedHashMap<>(Map.of("counterlock", lock));
        points.put("threadsafeset", set);
        Map<String, String> statuses = new LinkedHashMap<>(Map.of("counterlock", lockStatus));
        statuses.put("threadsafeset", setStatus);
        String name = Character.toUpperCase(id.charAt(0)) + id.substring(1);
        return new StudentResult(id, name, "sha256:" + id, StudentResult.GRADED, "", lock + set, 57, points, 1, "",
                statuses);
    }

    private void keep(StudentResult row) throws Exception {
        Path dir = Files.createDirectories(out.resolve(Gradebook.STUDENTS).resolve(row.id()));
        StudentGrader.JSON.writeValue(dir.resolve(StudentGrader.ROW).toFile(), row);
    }
}
