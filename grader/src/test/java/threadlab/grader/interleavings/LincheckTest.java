package threadlab.grader.interleavings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import threadlab.grader.BuiltIn;
import threadlab.grader.exercise.Exercise;

/** What the JVMs that explore with Lincheck are given, and what stays closed to the student's code in them. */
class LincheckTest {

    @Test
    void theBuildListsLinchecksJarsAndTheyExist() {
        assertThat(Lincheck.fromBuild()).isPresent();
        assertThat(Lincheck.buildPaths()).anyMatch(p -> p.getFileName().toString().startsWith("lincheck-"));
    }

    @Test
    void onlyTheExercisesScenariosAndTheirSupportAreOpenedNeverTheResultsChannel() {
        List<String> options = Lincheck.fromBuild().orElseThrow().jvmOptions(BuiltIn.BOUNDEDBUFFER);

        List<String> opened = openedPackages(options);
        assertThat(opened).containsExactlyInAnyOrder("threadlab.grader.harness/threadlab.grader.checks.boundedbuffer",
                "threadlab.grader.harness/threadlab.grader.checks.support");
        assertThat(String.join(" ", options)).doesNotContain("threadlab.grader.harness/threadlab.grader.harness",
                "ALL-SYSTEM", "--add-exports");
    }

    private static List<String> openedPackages(List<String> options) {
        return java.util.stream.IntStream.range(0, options.size() - 1)
                .filter(i -> options.get(i).equals("--add-opens"))
                .mapToObj(i -> options.get(i + 1).replace("=ALL-UNNAMED", "")).toList();
    }
}
