package threadlab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import threadlab.grader.benchmark.BenchmarkRow;

/** The speed-up chart draws whatever exercise measured threads or processes against workers, naming none itself. */
class SpeedupChartTest {

    @Test
    void curvesAreTheImplementationsMeasuredAtSeveralWorkerCountsAndReferencesArePoints() {
        BenchmarkReport sorter = benchmark(List.of(
                new BenchmarkRow("cpu-bound", "sequential", 1, 800, 1.0, List.of(1.0), null),
                new BenchmarkRow("cpu-bound", "ParallelSorter", 2, 420, 1.9, List.of(1.9), null),
                new BenchmarkRow("cpu-bound", "ParallelSorter", 4, 410, 1.95, List.of(1.95), null),
                new BenchmarkRow("cpu-bound", "Arrays.parallelSort", 2, 400, 2.0, List.of(2.0), null),
                new BenchmarkRow("io-bound", "ParallelSorter", 8, 0, 0, List.of(), "timed out"),
                new BenchmarkRow("read-heavy", "ParallelSorter", 4, 10, 1.0, List.of(1.0), null)));
        GradeReport report = new GradeReport(GradeReport.SCHEMA_VERSION, "student", "test", "2026-12-03T00:00:00Z", 1,
                false, 0, 4, List.of(new ExerciseReport("sorter", ExerciseReport.GRADED, 0, 4, List.of(), List.of(),
                        List.of(), null, "", sorter, List.of())), 1000, List.of());

        XYSeriesCollection series = SpeedupChart.series(report);

        assertThat(series.getSeries().stream().map(s -> ((org.jfree.data.xy.XYSeries) s).getKey().toString()))
                .containsExactly("your ParallelSorter, cpu-bound", "reference: Arrays.parallelSort, cpu-bound");
        assertThat(series.getItemCount(0)).isEqualTo(2);
        assertThat(SpeedupChart.png(report)).hasValueSatisfying(png -> assertThat(png).startsWith(0x89, 'P', 'N', 'G'));
    }

    @Test
    void aReportWithoutSpeedUpsHasNoChart() {
        BenchmarkReport throughput = benchmark(List.of(new BenchmarkRow("read-heavy", "YourSet", 4, 10, 1.2, List.of(1.2), null)));
        GradeReport report = new GradeReport(GradeReport.SCHEMA_VERSION, "student", "test", "2026-12-03T00:00:00Z", 1,
                false, 0, 2, List.of(new ExerciseReport("set", ExerciseReport.GRADED, 0, 2, List.of(), List.of(),
                        List.of(), null, "", throughput, List.of())), 1000, List.of());

        assertThat(SpeedupChart.png(report)).isEmpty();
    }

    private static BenchmarkReport benchmark(List<BenchmarkRow> rows) {
        return new BenchmarkReport("local", false, 2, "17", rows, Map.of(), Map.of(), List.of(), Map.of(), List.of(), 1000);
    }
}
