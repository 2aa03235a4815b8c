package threadlab.grader.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BenchTest {

    private final List<BenchmarkResults> published = new ArrayList<>();
    private final Bench bench = new Bench(2, 3, Duration.ofMillis(300), published::add);

    @Test
    void measuresEachCandidateAgainstTheBaselineOfTheSameRound() {
        bench.compare("io-bound", () -> waitFor(5), List.of(new Candidate("same work", 1, () -> waitFor(5))));

        BenchmarkResults results = bench.results(true);
        assertThat(results.rows()).extracting(BenchmarkRow::implementation).containsExactly("sequential", "same work");
        BenchmarkRow same = results.row("io-bound", "same work", 1).orElseThrow();
        assertThat(same.roundSpeedups()).hasSize(3);
        assertThat(same.speedup()).isBetween(0.5, 2.0); // the same wait: about 1
        assertThat(published).isNotEmpty(); // results are handed out as they are measured
    }

    @Test
    void aCandidateThatThrowsOrHangsGetsARowWithTheReasonAndTheOthersGoOn() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        bench.compare("io-bound", () -> { }, List.of(
                new Candidate("throws", 1, () -> {
                    throw new IllegalStateException("broken pool");
                }),
                new Candidate("hangs", 2, never::await),
                new Candidate("works", 3, () -> { })));

        BenchmarkResults results = bench.results(true);
        assertThat(results.row("io-bound", "throws", 1).orElseThrow().error()).contains("IllegalStateException", "broken pool");
        assertThat(results.row("io-bound", "hangs", 2).orElseThrow().error()).contains("did not finish within");
        assertThat(results.row("io-bound", "works", 3).orElseThrow().measured()).isTrue();
        never.countDown(); // lets the abandoned run end
    }

    @Test
    void aRatioIsTheReferencesTimeOverTheCandidates() {
        bench.ratio("twice the wait", () -> waitFor(20), () -> waitFor(10));

        assertThat(bench.results(true).ratio("twice the wait")).hasValueSatisfying(r -> assertThat(r).isBetween(1.4, 2.6));
    }

    /**
     * A workload of a known length: parks (as a thread waiting for I/O does) for {@code millis}. Waiting, not
     * computing, so the JIT and the machine's load do not change how long it takes.
     */
    private static void waitFor(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (long left = millis * 1_000_000; left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
