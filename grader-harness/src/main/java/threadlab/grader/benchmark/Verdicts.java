package threadlab.grader.benchmark;

import static threadlab.grader.benchmark.PerformanceScoring.times;

import java.util.Optional;
import java.util.stream.Collectors;

/** Performance verdicts on measured results, with messages that say what was measured and what was expected. */
public final class Verdicts {

    private Verdicts() {
    }

    /**
     * Scores the speed-up of {@code implementation} with {@code workers} on {@code workload} against
     * {@code expected}.
     *
     * @param fullShare the share of {@code expected} that earns every point
     * @param why       why that speed-up is the one to expect, for the student
     */
    public static Performance speedup(BenchmarkResults results, String workload, String implementation, int workers,
            double expected, double fullShare, String why) {
        String who = "Your " + implementation + " with " + workers + (workers == 1 ? " worker" : " workers");
        Optional<BenchmarkRow> found = results.row(workload, implementation, workers);
        if (found.isEmpty()) {
            return Performance.none(notMeasured(results, who + " on the " + workload + " work"));
        }
        BenchmarkRow row = found.get();
        if (!row.measured()) {
            return Performance.none(who + " failed on the " + workload + " work: it " + row.error() + ".");
        }
        double fraction = PerformanceScoring.speedup(row.speedup(), expected, fullShare);
        return new Performance(fraction, who + " ran the " + workload + " tasks " + times(row.speedup())
                + " as fast as one after the other (rounds: " + rounds(row) + "). Expected about " + times(expected)
                + ": " + why + " Every point from " + times(expected * fullShare) + ", none at "
                + times(PerformanceScoring.zeroEdge(expected)) + " or below.");
    }

    /**
     * Scores the throughput ratio {@code name} (the reference's time over the student's) in the band from
     * {@code zero} to {@code full}.
     *
     * @param what what the ratio compares, e.g. "your buffer's throughput against ArrayBlockingQueue's"
     */
    public static Performance ratio(BenchmarkResults results, String name, double full, double zero, String what) {
        Optional<Double> ratio = results.ratio(name);
        if (ratio.isEmpty()) {
            return Performance.none(notMeasured(results, what));
        }
        double value = ratio.get();
        return new Performance(PerformanceScoring.banded(value, full, zero), "Measured " + what + ": " + times(value)
                + " (above 1.00x is faster). Every point from " + times(full) + ", none at " + times(zero) + " or below.");
    }

    private static String notMeasured(BenchmarkResults results, String what) {
        String errors = results.errors().isEmpty() ? "" : " Problems: " + String.join("; ", results.errors()) + ".";
        return "Not measured: " + what + (results.finished() ? " was not measured." : " was not reached before the"
                + " benchmark was stopped at its time limit.") + errors;
    }

    private static String rounds(BenchmarkRow row) {
        return row.roundSpeedups().stream().map(PerformanceScoring::times).collect(Collectors.joining(", "));
    }
}
