package threadlab.grader.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.BuiltIn;
import threadlab.grader.exercise.Exercise;

/** Which files of a submission are graded: the exercise's sources, never the student's own tests. */
class SubmissionTest {

    private static final String LOCK = "package threadlab.counterlock;\n\npublic final class CounterLock {\n}\n";
    private static final String JUNIT_TEST = "package threadlab.counterlock;\n\nimport static org.assertj.core.api.Assertions.assertThat;\n"
            + "\nimport org.junit.jupiter.api.Test;\n\nclass CounterLockTest {\n    @Test\n    void locks() {\n    }\n}\n";

    @TempDir
    Path root;

    @Test
    void aSrcFolderHandedInWithItsTestsBesideMainGradesOnlyMain() throws IOException {
        write("main/java/threadlab/counterlock/CounterLock.java", LOCK);
        write("test/java/threadlab/counterlock/CounterLockStressTest.java", JUNIT_TEST.replace("CounterLockTest", "CounterLockStressTest"));

        assertThat(sources()).containsExactly("CounterLock.java");
    }

    @Test
    void aTestNextToTheSourcesIsLeftOutByItsTestLibraryImports() throws IOException {
        write("src/main/java/threadlab/counterlock/CounterLock.java", LOCK);
        write("src/main/java/threadlab/counterlock/CounterLockTest.java", JUNIT_TEST);
        write("src/test/java/threadlab/counterlock/OtherTest.java", JUNIT_TEST.replace("CounterLockTest", "OtherTest"));

        assertThat(sources()).containsExactly("CounterLock.java");
    }

    @Test
    void testsByFolderByNameOrByImportAreListedAsLeftOutAndTheRestIsGraded() throws IOException {
        write("threadlab/counterlock/CounterLock.java", LOCK);
        write("threadlab/counterlock/Helper.java", "package threadlab.counterlock;\n\nfinal class Helper {\n}\n");
        write("threadlab/counterlock/LockTests.java", "package threadlab.counterlock;\n\nfinal class LockTests {\n}\n");
        write("tests/threadlab/counterlock/Scenario.java", "package threadlab.counterlock;\n\nfinal class Scenario {\n}\n");
        write("threadlab/counterlock/Checker.java", JUNIT_TEST.replace("CounterLockTest", "Checker"));
        write("threadlab/counterlock/Huge.java", "package threadlab.counterlock;\n// " + "x".repeat(1024 * 1024) + "\n");
        write("threadlab/philosophers/Notes.java", "package other.place;\n"); // not an exercise's package: not listed

        Submission submission = Submission.open(root, root.resolve("scratch"));

        assertThat(sources()).containsExactly("CounterLock.java", "Helper.java");
        assertThat(submission.leftOut(BuiltIn.COUNTERLOCK)).containsExactly("Checker.java (a test)", "Huge.java (over 1 MB)",
                "LockTests.java (a test)", "Scenario.java (a test)");
        assertThat(submission.leftOut(BuiltIn.PHILOSOPHERS)).isEmpty();
    }

    private java.util.List<String> sources() {
        return Submission.open(root, root.resolve("scratch")).sourcesOf(BuiltIn.COUNTERLOCK).stream()
                .map(p -> p.getFileName().toString()).sorted().toList();
    }

    private void write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
