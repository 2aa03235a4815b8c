package threadlab.grader.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The performance scoring on fixed timings: no benchmark runs here. */
class PerformanceScoringTest {

    private static final Band USUAL = PerformanceScoring.SHARE_OF_REFERENCE;

    @ParameterizedTest(name = "{0} of the reference''s speed, next to a reference at {1}x, earns {2}")
    @CsvSource({
            "1.05, 7.0, 1.0",  // faster than the JDK's pool
            "0.80, 7.0, 1.0",  // the full band starts here
            "0.79, 7.0, 0.75", // just below: a quarter less, not a cliff
            "0.65, 7.0, 0.5",  // half way between 0.5 and 0.8
            "0.50, 7.0, 0.0",  // half the reference's speed: nothing
            "0.14, 7.0, 0.0",  // one worker next to a reference that overlaps seven downloads
            "0.97, 1.9, 1.0",  // CPU-bound on two CPUs, as fast as the JDK's pool
            "0.53, 1.9, 0.0",  // one worker on two CPUs: 1.1 / 1.9 = 0.58 raises the zero edge above it
            "0.62, 1.9, 0.0",  // a quarter of the band above 0.58 is 0.63: not reached
            "0.70, 1.9, 0.5",
    })
    void scoresAShareOfTheReferencesSpeedInItsBand(double share, double referenceSpeedup, double fraction) {
        assertThat(PerformanceScoring.shareBand(USUAL, referenceSpeedup).fraction(share)).isEqualTo(fraction);
    }

    @Test
    void aReferenceWithoutParallelismNeverEmptiesTheBand() {
        assertThat(PerformanceScoring.shareBand(USUAL, 1.0).zero()).isLessThan(USUAL.full());
    }

    @Test
    void expectsCpuBoundWorkToStopAtTheCpusAndIoBoundWorkToGrowWithTheWorkers() {
        assertThat(PerformanceScoring.expectedCpuBound(8, 2)).isEqualTo(2);
        assertThat(PerformanceScoring.expectedCpuBound(1, 2)).isEqualTo(1);
        assertThat(PerformanceScoring.expectedIoBound(8, 32)).isEqualTo(8);
        assertThat(PerformanceScoring.expectedIoBound(64, 32)).isEqualTo(32);
    }

    @Test
    void aBandNeedsItsFullEdgeAboveItsZeroEdgeAndDecidesOnlyWhenTheIntervalIsOnOneSide() {
        assertThatThrownBy(() -> new Band(0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Band(1, 0).fraction(Double.NaN)).isZero();
        assertThat(USUAL.decides(spread(0.81, 0.9, 1.2))).isTrue();
        assertThat(USUAL.decides(spread(0.2, 0.3, 0.5))).isTrue();
        assertThat(USUAL.decides(spread(0.7, 0.9, 1.0))).isFalse(); // 0.7 and 1.0 would score differently
        assertThat(new Band(0.3, 0.05).decides(spread(0.03, 0.04, 0.06))).isTrue(); // below a quarter of the band: 0
        assertThat(USUAL.decides(spread(0.6, 0.62, 0.64))).isTrue(); // all within the same quarter
    }

    @Test
    void theIntervalOfTheMedianWidensWithFewRoundsAndNarrowsWithMany() {
        Spread few = spread(0.9, 1.0, 1.1, 0.95, 1.05, 1.0);
        assertThat(few.median()).isEqualTo(1.0);
        assertThat(few.low()).isEqualTo(0.9); // below 9 rounds: the smallest and the largest round
        assertThat(few.high()).isEqualTo(1.1);
        assertThat(few.narrowerThan(0.05)).isFalse();
        Spread many = spread(0.5, 0.97, 0.98, 0.99, 1.0, 1.0, 1.01, 1.02, 1.03, 1.04, 1.5, 1.0);
        assertThat(many.low()).isEqualTo(0.98); // 12 rounds: the third smallest and the third largest
        assertThat(many.high()).isEqualTo(1.03);
        assertThat(many.narrowerThan(0.05)).isTrue(); // the two outliers are shown, but do not widen it
        assertThat(many.rounds()).contains(0.5, 1.5);
        assertThat(Spread.rank(20)).isEqualTo(6);
    }

    @Test
    void aShareVerdictSaysWhatWasMeasuredNextToTheReferenceAndWhatWasExpected() {
        BenchmarkResults results = results(List.of(
                row("PoolExecutor", 8, 5.0), row("ThreadPoolExecutor", 8, 7.0), failed("PoolExecutor", 4)),
                List.of(share("PoolExecutor", 8, "ThreadPoolExecutor", 8, 7.0, 0.7, 0.72, 0.71)));

        Performance partial = Verdicts.shareOfReference(results, "io-bound", "PoolExecutor", 8, "the JDK's pool", USUAL,
                8, "they overlap.");
        assertThat(partial.kind()).isEqualTo(Performance.Kind.SCORED);
        assertThat(partial.fraction()).isEqualTo(0.5);
        assertThat(partial.message()).contains("5.00x", "the JDK's pool with 8 workers reached 7.00x in the same rounds",
                "Yours ran 0.71",
                "rounds: 0.70, 0.72, 0.71; 95 % interval 0.70 to 0.72", "Ideally about 8.00x: they overlap.",
                "Every point from 0.80", "none at 0.50");
        Performance failed = Verdicts.shareOfReference(results, "io-bound", "PoolExecutor", 4, "the JDK's pool", USUAL, 4, "");
        assertThat(failed.kind()).isEqualTo(Performance.Kind.NOT_MEASURED);
        assertThat(failed.message()).contains("failed on the io-bound work", "IllegalStateException");
        assertThat(Verdicts.shareOfReference(results, "cpu-bound", "PoolExecutor", 2, "", USUAL, 2, "").message())
                .startsWith("Not measured");
    }

    @Test
    void aReferenceThatCannotSpeedUpHereOrFailsMakesTheCheckUnmeasurableNotFailed() {
        BenchmarkShare twoOfSixRounds = new BenchmarkShare("io-bound", "PoolExecutor", 2, "ThreadPoolExecutor", 2,
                spread(0.5, 0.52), spread(1.9, 1.8), 6, 0);
        BenchmarkResults oneCpuMostOfTheTime = results(List.of(row("PoolExecutor", 2, 1.0),
                row("ThreadPoolExecutor", 2, 1.1)), List.of(twoOfSixRounds));
        Performance verdict = Verdicts.shareOfReference(oneCpuMostOfTheTime, "io-bound", "PoolExecutor", 2,
                "the JDK's pool", USUAL, 2, "");
        assertThat(verdict.kind()).isEqualTo(Performance.Kind.UNMEASURABLE);
        assertThat(verdict.fraction()).isEqualTo(1);
        assertThat(verdict.message()).startsWith("Not scored, no point lost").contains("1.50x in only 2 of 6 rounds");

        BenchmarkResults brokenReference = results(List.of(row("PoolExecutor", 8, 5.0), failed("ThreadPoolExecutor", 8)),
                List.of(share("PoolExecutor", 8, "ThreadPoolExecutor", 8, 7.0, 1.0)));
        assertThat(Verdicts.shareOfReference(brokenReference, "io-bound", "PoolExecutor", 8, "the JDK's pool", USUAL, 8, "")
                .kind()).isEqualTo(Performance.Kind.UNMEASURABLE);
    }

    @Test
    void aShareCountsOnlyTheRoundsInWhichTheReferenceSpedUpAndSaysSo() {
        BenchmarkShare fourOfSix = new BenchmarkShare("cpu-bound", "PoolExecutor", 2, "ThreadPoolExecutor", 2,
                spread(0.5, 0.52, 0.51, 0.53), spread(1.9, 1.9, 1.8, 1.95), 6, 0);
        BenchmarkResults results = new BenchmarkResults(2, "17", List.of(
                new BenchmarkRow("cpu-bound", "PoolExecutor", 2, 320, 1.0, List.of(1.0), null),
                new BenchmarkRow("cpu-bound", "ThreadPoolExecutor", 2, 170, 1.9, List.of(1.9), null)),
                Map.of(), Map.of(), List.of(fourOfSix), Map.of(), List.of(), true);

        Performance verdict = Verdicts.shareOfReference(results, "cpu-bound", "PoolExecutor", 2, "the JDK's pool", USUAL, 2, "");
        assertThat(verdict.fraction()).isZero(); // one worker next to a pool at 1.9x: about half its speed
        assertThat(verdict.message()).contains("in the 4 of 6 rounds in which it reached 1.50x or more");
    }

    @Test
    void backgroundWorkDuringTheReferenceLosesThePointsInsteadOfMakingTheCheckUnmeasurable() {
        BenchmarkShare slowedDown = new BenchmarkShare("io-bound", "PoolExecutor", 2, "ThreadPoolExecutor", 2,
                spread(), spread(1.0, 1.0, 1.0), 3, 0.9);
        BenchmarkResults results = results(List.of(row("PoolExecutor", 2, 1.0), row("ThreadPoolExecutor", 2, 1.0)),
                List.of(slowedDown));

        Performance verdict = Verdicts.shareOfReference(results, "io-bound", "PoolExecutor", 2, "the JDK's pool", USUAL, 2, "");
        assertThat(verdict.kind()).isEqualTo(Performance.Kind.SCORED);
        assertThat(verdict.fraction()).isZero();
        assertThat(verdict.message()).contains("used 0.90 of a CPU", "busy waiting");
    }

    @Test
    void aRatioVerdictShowsItsRounds() {
        BenchmarkResults results = new BenchmarkResults(2, "17", List.of(), Map.of("tiny", 0.15),
                Map.of("tiny", spread(0.14, 0.15, 0.16)), List.of(), Map.of(), List.of(), true);

        Performance verdict = Verdicts.ratio(results, "tiny", new Band(0.25, 0.05), "tiny tasks");
        assertThat(verdict.fraction()).isEqualTo(0.5);
        assertThat(verdict.message()).contains("0.15x", "rounds: 0.14x, 0.15x, 0.16x", "Every point from 0.25x");
    }

    @Test
    void aHintAboutSlownessComesOnlyWithASlowMeasurementAndANotMeasuredCheckSaysWhyInPlainWords() {
        String hint = "Sleeping or polling while waiting makes a buffer slow";
        BenchmarkResults slow = new BenchmarkResults(2, "17", List.of(), Map.of("buffer", 0.1), Map.of(), List.of(),
                Map.of(), List.of(), true);
        BenchmarkResults fast = new BenchmarkResults(2, "17", List.of(), Map.of("buffer", 1.0), Map.of(), List.of(),
                Map.of(), List.of(), true);
        BenchmarkResults stopped = new BenchmarkResults(2, "17", List.of(), Map.of(), Map.of(), List.of(), Map.of(),
                List.of(), false);
        Band band = new Band(0.3, 0.05);

        assertThat(Verdicts.ratio(slow, "buffer", band, "the buffer's speed", hint).message()).endsWith(hint + ".");
        assertThat(Verdicts.ratio(fast, "buffer", band, "the buffer's speed", hint).message()).doesNotContain(hint);
        assertThat(Verdicts.ratio(stopped, "buffer", band, "the buffer's speed", hint).message())
                .isEqualTo("Not measured: the buffer's speed. The benchmark was stopped at its time limit before it got "
                        + "there (a hang or a very slow implementation).")
                .doesNotContain(hint);
    }

    private static Spread spread(double... rounds) {
        return Spread.of(java.util.Arrays.stream(rounds).boxed().toList());
    }

    private static BenchmarkResults results(List<BenchmarkRow> rows, List<BenchmarkShare> shares) {
        return new BenchmarkResults(2, "17", rows, Map.of(), Map.of(), shares, Map.of(), List.of(), true);
    }

    private static BenchmarkRow row(String implementation, int workers, double speedup) {
        return new BenchmarkRow("io-bound", implementation, workers, 320 / speedup, speedup, List.of(speedup), null);
    }

    private static BenchmarkRow failed(String implementation, int workers) {
        return new BenchmarkRow("io-bound", implementation, workers, 0, 0, List.of(), "threw java.lang.IllegalStateException");
    }

    /** A share all of whose rounds counted, the reference at {@code referenceSpeedup} in each. */
    private static BenchmarkShare share(String implementation, int workers, String reference, int referenceWorkers,
            double referenceSpeedup, double... rounds) {
        double[] speedups = new double[rounds.length];
        java.util.Arrays.fill(speedups, referenceSpeedup);
        return new BenchmarkShare("io-bound", implementation, workers, reference, referenceWorkers, spread(rounds),
                spread(speedups), rounds.length, 0);
    }
}
