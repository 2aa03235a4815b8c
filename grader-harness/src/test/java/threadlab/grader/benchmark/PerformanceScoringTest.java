package threadlab.grader.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PerformanceScoringTest {

    @ParameterizedTest(name = "{0}x of an expected {1}x earns {2}")
    @CsvSource({
            "8.0, 8, 1.0",   // ideal
            "6.4, 8, 1.0",   // exactly 80 %: the full band starts here
            "6.3, 8, 0.75",  // just below: a quarter less, not a cliff
            "4.8, 8, 0.5",   // 60 %: half way through the partial band
            "3.3, 8, 0.0",   // 41 %: above the zero edge, but less than a quarter of the band
            "3.2, 8, 0.0",   // 40 %: nothing
            "1.0, 8, 0.0",   // a single worker
            "1.9, 2, 1.0",   // CPU-bound on two CPUs
            "1.6, 2, 1.0",   // 80 % of two CPUs
            "1.35, 2, 0.5",  // half way between no speed-up (1.1x) and 1.6x
            "1.0, 2, 0.0",   // CPU-bound without parallelism: no speed-up at all earns nothing
            "0.9, 1, 1.0",   // one CPU: nothing to gain, a run about as fast as sequential is fine
            "0.5, 1, 0.0",
    })
    void scoresASpeedupByItsShareOfTheExpectedOne(double achieved, double expected, double fraction) {
        assertThat(PerformanceScoring.speedup(achieved, expected, PerformanceScoring.FULL_SHARE)).isEqualTo(fraction);
    }

    @Test
    void expectsCpuBoundWorkToStopAtTheCpusAndIoBoundWorkToGrowWithTheWorkers() {
        assertThat(PerformanceScoring.expectedCpuBound(8, 2)).isEqualTo(2);
        assertThat(PerformanceScoring.expectedCpuBound(1, 2)).isEqualTo(1);
        assertThat(PerformanceScoring.expectedIoBound(8, 32)).isEqualTo(8);
        assertThat(PerformanceScoring.expectedIoBound(64, 32)).isEqualTo(32);
    }

    @Test
    void aBandNeedsItsFullEdgeAboveItsZeroEdge() {
        assertThatThrownBy(() -> PerformanceScoring.banded(1, 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PerformanceScoring.banded(Double.NaN, 1, 0)).isZero();
    }

    @Test
    void verdictsOnFixedTimingsSayWhatWasMeasuredAndExpected() {
        BenchmarkResults results = new BenchmarkResults(2, "17", java.util.List.of(
                new BenchmarkRow("io-bound", "sequential", 1, 320, 1, java.util.List.of(1.0, 1.0, 1.0), null),
                new BenchmarkRow("io-bound", "PoolExecutor", 8, 64, 5.0, java.util.List.of(4.9, 5.0, 5.2), null),
                new BenchmarkRow("io-bound", "PoolExecutor", 4, 0, 0, java.util.List.of(), "threw java.lang.IllegalStateException")),
                java.util.Map.of("tiny", 0.15), java.util.Map.of(), java.util.List.of(), true);

        Performance partial = Verdicts.speedup(results, "io-bound", "PoolExecutor", 8, 8, 0.8, "they overlap.");
        assertThat(partial.fraction()).isEqualTo(0.5); // 5.0 / 8 = 62.5 % of the expected speed-up
        assertThat(partial.message()).contains("5.00x", "Expected about 8.00x", "they overlap.", "Every point from 6.40x",
                "none at 3.20x", "4.90x, 5.00x, 5.20x");
        Performance failed = Verdicts.speedup(results, "io-bound", "PoolExecutor", 4, 4, 0.8, "");
        assertThat(failed.fraction()).isZero();
        assertThat(failed.message()).contains("failed on the io-bound work", "IllegalStateException");
        assertThat(Verdicts.speedup(results, "cpu-bound", "PoolExecutor", 2, 2, 0.8, "").message()).startsWith("Not measured");
        assertThat(Verdicts.ratio(results, "tiny", 0.25, 0.05, "tiny tasks").fraction()).isEqualTo(0.5);
    }
}
