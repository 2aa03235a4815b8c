package threadlab.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress lines, on a clock of the test's own: no silence longer than the quiet interval in a long phase. */
class ConsoleProgressTest {

    private final StringWriter out = new StringWriter();
    private final AtomicLong now = new AtomicLong();
    private final ConsoleProgress progress = new ConsoleProgress(new PrintWriter(out), now::get, Duration.ofSeconds(10));

    @Test
    void saysWhatIsStillRunningAfterTenQuietSeconds() {
        counterlockExploredByBothEngines();
        advance(9);
        progress.tick();
        assertThat(out.toString().lines()).hasSize(1);
        advance(3);
        progress.step("counterlock", "vmlens", "explores counterlock.interleaved-other");
        advance(10);
        progress.tick();
        assertThat(out.toString().lines()).hasSize(2).last().asString()
                .isEqualTo("[ 22.0s] counterlock    ... still running: Lincheck explores "
                        + "counterlock.interleaved-trylock (22 s); vmlens explores counterlock.interleaved-other (10 s)");
    }

    @Test
    void namesTheExerciseOfEachStepWhenExercisesAreExploredTogether() {
        progress.phase("counterlock", "exploring 3 interleaving scenarios");
        progress.phase("threadsafeset", "exploring 3 interleaving scenarios");
        progress.step("counterlock", "Lincheck", "explores counterlock.interleaved-trylock");
        progress.step("threadsafeset", "Lincheck", "explores threadsafeset.interleaved-same-add");
        advance(12);
        progress.tick();
        assertThat(out.toString().lines()).last().asString().isEqualTo("[ 12.0s]                ... still running: "
                + "counterlock: Lincheck explores counterlock.interleaved-trylock (12 s); threadsafeset: Lincheck explores "
                + "threadsafeset.interleaved-same-add (12 s)");
        progress.finished("counterlock", "graded, 30/30 points");
        advance(12);
        progress.tick();
        assertThat(out.toString().lines()).last().asString().isEqualTo("[ 24.0s] threadsafeset  ... still running: "
                + "Lincheck explores threadsafeset.interleaved-same-add (24 s)");
    }

    @Test
    void anEngineThatIsDoneIsNoLongerShownAsRunning() {
        counterlockExploredByBothEngines();
        advance(4);
        progress.engineDone("counterlock", "vmlens");
        advance(8);
        progress.tick();
        assertThat(out.toString().lines()).last().asString().isEqualTo("[ 12.0s] counterlock    ... still running: "
                + "Lincheck explores counterlock.interleaved-trylock (12 s)");
    }

    @Test
    void staysQuietBetweenPhasesAndOnceAPhaseHasEnded() {
        progress.phase("counterlock", "running 14 checks");
        advance(30);
        progress.tick();
        progress.step("counterlock", "vmlens", "explores counterlock.interleaved-increments");
        progress.finished("counterlock", "graded, 30/30 points");
        advance(30);
        progress.tick();
        assertThat(out.toString()).doesNotContain("still running");
    }

    private void counterlockExploredByBothEngines() {
        progress.phase("counterlock", "exploring 3 interleaving scenarios");
        progress.step("counterlock", "vmlens", "explores counterlock.interleaved-increments");
        progress.step("counterlock", "Lincheck", "explores counterlock.interleaved-trylock");
    }

    private void advance(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }
}
