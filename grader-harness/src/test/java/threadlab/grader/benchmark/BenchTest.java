package threadlab.grader.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BenchTest {

    private final List<BenchmarkResults> published = new ArrayList<>();
    private final Bench bench = new Bench(2, Rounds.exactly(3), Duration.ofMillis(300), published::add);

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
        bench.ratio("twice the wait", () -> waitFor(20), () -> waitFor(10), new Band(4, 3));

        assertThat(bench.results(true).ratio("twice the wait")).hasValueSatisfying(r -> assertThat(r).isBetween(1.4, 2.6));
        assertThat(bench.results(true).ratioSpread("twice the wait").orElseThrow().rounds()).hasSize(3);
    }

    @Test
    void aScoredPairRunsOnUntilItsShareIsPreciseWhileTheOtherCandidatesStopAfterTheShownRounds() {
        Bench adaptive = new Bench(2, new Rounds(2, 0.1, 2, 4, 30, 0.02), Duration.ofMillis(300), published::add);
        Candidate student = new Candidate("student", 2, () -> waitFor(4));
        Candidate reference = new Candidate("reference", 2, () -> waitFor(4));
        Candidate shown = new Candidate("shown", 1, () -> waitFor(8));
        // A band no interval around 1.0 can leave: only precision stops the rounds.
        adaptive.compare("io-bound", () -> waitFor(8), List.of(student, reference, shown),
                List.of(new ScoredPair(student, reference, new Band(1.5, 0.5))));

        BenchmarkResults results = adaptive.results(true);
        assertThat(results.row("io-bound", "shown", 1).orElseThrow().roundSpeedups()).hasSize(2);
        BenchmarkShare share = results.share("io-bound", "student", 2).orElseThrow();
        assertThat(share.share().rounds()).hasSizeBetween(4, 30);
        assertThat(share.share().median()).isBetween(0.7, 1.3);
        assertThat(share.reference()).isEqualTo("reference");
    }

    @Test
    void aThreadThatSpinsInTheBackgroundWhileTheReferenceRunsIsAccounted() throws Exception {
        Candidate student = new Candidate("student", 1, () -> waitFor(20));
        Candidate reference = new Candidate("reference", 1, () -> waitFor(20));
        AtomicBoolean spinning = new AtomicBoolean(true);
        Thread spinner = new Thread(() -> {
            while (spinning.get()) {
                Thread.onSpinWait();
            }
        });
        spinner.start();
        try {
            bench.compare("cpu-bound", () -> waitFor(20), List.of(student, reference),
                    List.of(new ScoredPair(student, reference, new Band(0.8, 0.5))));
        } finally {
            spinning.set(false);
            spinner.join();
        }
        Bench quiet = new Bench(2, Rounds.exactly(3), Duration.ofMillis(300), published::add);
        quiet.compare("cpu-bound", () -> waitFor(20), List.of(student, reference),
                List.of(new ScoredPair(student, reference, new Band(0.8, 0.5))));

        double withSpinner = bench.results(true).share("cpu-bound", "student", 1).orElseThrow().backgroundCpus();
        double withoutIt = quiet.results(true).share("cpu-bound", "student", 1).orElseThrow().backgroundCpus();
        // The spinner is about one CPU more; the machine's other work (CI's own, a JIT elsewhere) is not nothing.
        assertThat(withSpinner).isGreaterThan(0.5).isGreaterThan(withoutIt + 0.4);
        assertThat(withoutIt).isLessThan(0.5);
    }

    @Test
    void onlyRoundsInWhichTheReferenceSpeedsUpCountAndWithNoneTheRoundsStopAtTheMinimum() {
        Bench adaptive = new Bench(2, new Rounds(1, 0.1, 1, 3, 30, 0.000_001), Duration.ofMillis(300), published::add);
        Candidate student = new Candidate("student", 2, () -> waitFor(10));
        Candidate noFaster = new Candidate("reference", 2, () -> waitFor(10)); // as slow as the baseline: never counts
        adaptive.compare("cpu-bound", () -> waitFor(10), List.of(student, noFaster),
                List.of(new ScoredPair(student, noFaster, new Band(0.8, 0.5))));

        BenchmarkShare share = adaptive.results(true).share("cpu-bound", "student", 2).orElseThrow();
        assertThat(share.counted()).isZero();
        assertThat(share.rounds()).isEqualTo(3);
        assertThat(share.referenceSpeedup().median()).isBetween(0.5, 1.5);
    }

    @Test
    void aScoredPairStopsAsSoonAsItsBandDecides() {
        Bench adaptive = new Bench(2, new Rounds(1, 0.1, 1, 3, 30, 0.000_001), Duration.ofMillis(300), published::add);
        Candidate fast = new Candidate("fast", 2, () -> waitFor(2));
        Candidate reference = new Candidate("reference", 2, () -> waitFor(20));
        adaptive.compare("io-bound", () -> waitFor(40), List.of(fast, reference), // the reference: 2x the baseline
                List.of(new ScoredPair(fast, reference, new Band(2, 1)))); // about 10x the reference: always in full

        assertThat(adaptive.results(true).share("io-bound", "fast", 2).orElseThrow().share().rounds()).hasSize(3);
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
