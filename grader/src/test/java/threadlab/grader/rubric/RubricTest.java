package threadlab.grader.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import threadlab.grader.Grading;

class RubricTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreWhatTheChecksDeclare() {
        Rubric rubric = Rubric.defaults(Grading.CATALOG);
        Grading.CATALOG.all().forEach(c -> assertThat(rubric.entry(c.id())).hasValue(new Rubric.Entry(c.points(), Visibility.VISIBLE)));
    }

    @Test
    void aYamlFileOverridesPointsDropsAndHides() throws Exception {
        Path file = Files.writeString(dir.resolve("r.yaml"), """
                # course of 2026
                checks:
                  boundedbuffer.fifo-order: { points: 5 }
                  counterlock.policy:
                    drop: true
                  philosophers.every-philosopher-eats: { hidden: true }
                """);
        Rubric rubric = Rubric.fromFile(file, Grading.CATALOG);
        assertThat(rubric.entry("boundedbuffer.fifo-order")).hasValue(new Rubric.Entry(5, Visibility.VISIBLE));
        assertThat(rubric.entry("counterlock.policy")).isEmpty();
        assertThat(rubric.entry("philosophers.every-philosopher-eats").orElseThrow().hidden()).isTrue();
        assertThat(rubric.leaderboard()).isEmpty();
    }

    @Test
    void aFileSetsGradescopeVisibilitiesAndTheLeaderboard() throws Exception {
        Path file = Files.writeString(dir.resolve("r.yaml"), """
                checks:
                  poolexecutor.io-bound-speedup: { visibility: after_due_date }
                  processmap.chunking: { visibility: after_published }
                  counterlock.policy: { visibility: visible }
                leaderboard: [poolexecutor.io-bound-speedup, boundedbuffer.throughput-vs-array-blocking-queue]
                """);
        Rubric rubric = Rubric.fromFile(file, Grading.CATALOG);
        assertThat(rubric.entry("poolexecutor.io-bound-speedup").orElseThrow().visibility())
                .isEqualTo(Visibility.AFTER_DUE_DATE);
        assertThat(rubric.entry("processmap.chunking").orElseThrow().visibility()).isEqualTo(Visibility.AFTER_PUBLISHED);
        assertThat(rubric.entry("processmap.chunking").orElseThrow().hidden()).as("hidden from ThreadLab's own reports")
                .isTrue();
        assertThat(rubric.entry("counterlock.policy").orElseThrow().hidden()).isFalse();
        assertThat(rubric.leaderboard()).containsExactly("poolexecutor.io-bound-speedup",
                "boundedbuffer.throughput-vs-array-blocking-queue");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown check      | checks:\\n  counterlock.nope: { points: 1 }\\n                | line 2: no check is called 'counterlock.nope'",
        "negative points    | checks:\\n  counterlock.policy:\\n    points: -1\\n         | line 3: checks.counterlock.policy.points must be a number",
        "unknown field      | checks:\\n  counterlock.policy: { weight: 2 }\\n            | line 2: unknown field 'checks.counterlock.policy.weight'",
        "not a boolean      | checks:\\n  counterlock.policy: { hidden: maybe }\\n        | line 2: checks.counterlock.policy.hidden must be true or false",
        "unknown top level  | check:\\n  counterlock.policy: { points: 1 }\\n             | line 1: unknown top-level field 'check'",
        "broken YAML        | checks: {counterlock.policy: {points: 1}\\n                    | not valid YAML",
        "unknown visibility | checks:\\n  counterlock.policy: { visibility: later }\\n    | line 2: checks.counterlock.policy.visibility must be one of visible, hidden, after_due_date, after_published",
        "leaderboard shape  | leaderboard: poolexecutor.io-bound-speedup\\n            | line 1: 'leaderboard' must be a list of measurement names",
        "leaderboard name   | leaderboard: [bankers.speedup]\\n                          | line 1: leaderboard: 'bankers.speedup' is not a measurement of an exercise",
    })
    void anInvalidFileIsRejectedNamingTheLineAndField(String name, String text, String expected) throws Exception {
        Path file = Files.writeString(dir.resolve("rubric.yaml"), text.strip().replace("\\n", "\n"));
        assertThatThrownBy(() -> Rubric.fromFile(file, Grading.CATALOG))
                .isInstanceOf(RubricException.class).hasMessageContaining("rubric.yaml").hasMessageContaining(expected);
    }
}
