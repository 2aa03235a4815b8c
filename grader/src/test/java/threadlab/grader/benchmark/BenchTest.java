package threadlab.grader.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BenchTest {

    private final List<BenchmarkResults> published = new ArrayList<>();
    private final Bench bench = new Bench(2, 3, Duration.ofMillis(300), published::add);

    @Test
    void measuresEachCandidateAgainstTheBaselineOfTheSameRound() {
        bench.compare("cpu-bound", () -> spin(4_000_000), List.of(new Candidate("same work", 1, () -> spin(4_000_000))));

        BenchmarkResults results = bench.results(true);
        assertThat(results.rows()).extracting(BenchmarkRow::implementation).containsExactly("sequential", "same work");
        BenchmarkRow same = results.row("cpu-bound", "same work", 1).orElseThrow();
        assertThat(same.roundSpeedups()).hasSize(3);
        assertThat(same.speedup()).isBetween(0.2, 5.0); // the same work: about 1, whatever this machine is doing
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
        bench.ratio("twice the work", () -> spin(8_000_000), () -> spin(4_000_000));

        assertThat(bench.results(true).ratio("twice the work")).hasValueSatisfying(r -> assertThat(r).isBetween(1.0, 4.0));
    }

    /** Keeps the JIT from dropping the work whose result nobody reads. */
    private static volatile long sink;

    private static void spin(int iterations) {
        long x = 0;
        for (int i = 0; i < iterations; i++) {
            x += i * 31L ^ x;
        }
        sink = x;
    }
}
