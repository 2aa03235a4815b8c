package threadlab.grader.benchmark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import static threadlab.grader.benchmark.PerformanceScoring.times;

import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;
import threadlab.grader.checks.support.Verify;

/** Performance verdicts on measured results, with messages that say what was measured and what was expected. */
@API(status = EXPERIMENTAL, since = "0.2")
public final class Verdicts {

    private Verdicts() {
    }

    /**
     * Scores the speed-up of {@code implementation} with {@code workers} on {@code workload} as a share of what a
     * reference implementation reached in the same rounds ({@link Bench#compare} with a {@link ScoredPair}):
     * what this sandbox can actually give, rather than the ideal. The ideal is still shown, for teaching.
     *
     * @param reference how the student reads the reference, e.g. "the JDK's ThreadPoolExecutor"
     * @param ideal     the speed-up theory promises
     * @param why       why that is the ideal, for the student
     */
    public static Performance shareOfReference(BenchmarkResults results, String workload, String implementation,
            int workers, String reference, Band band, double ideal, String why) {
        String who = "Your " + implementation + " with " + workers(workers);
        Optional<BenchmarkShare> found = results.share(workload, implementation, workers);
        Optional<BenchmarkRow> row = results.row(workload, implementation, workers);
        if (row.isPresent() && !row.get().measured()) {
            return Performance.none(who + " failed on the " + workload + " work: it " + row.get().error() + ".");
        }
        if (found.isEmpty() || row.isEmpty()) {
            return Performance.none(notMeasured(results, who + " on the " + workload + " work"));
        }
        BenchmarkShare share = found.get();
        String theReference = reference + " with " + workers(share.referenceWorkers());
        Optional<BenchmarkRow> referenceRow = results.row(workload, share.reference(), share.referenceWorkers());
        if (referenceRow.isEmpty() || !referenceRow.get().measured()) {
            return Performance.unmeasurable("Not scored, no point lost: the grader's reference, " + theReference
                    + ", failed on the " + workload + " work" + referenceRow.map(r -> ": it " + r.error()).orElse("") + ".");
        }
        double referenceSpeedup = share.referenceSpeedup().median();
        boolean allCounted = share.counted() == share.rounds();
        String measured = who + " ran the " + workload + " tasks " + times(row.get().speedup())
                + " as fast as one after the other; " + theReference + " reached " + times(referenceSpeedup)
                + (allCounted ? " in the same rounds." : " in the " + share.counted() + " of " + share.rounds()
                        + " rounds in which it reached " + times(PerformanceScoring.MEANINGFUL_SPEEDUP) + " or more (the"
                        + " others, in which the sandbox could not run the work in parallel, do not count).");
        if (share.backgroundCpus() >= PerformanceScoring.BACKGROUND_CPU_LIMIT) {
            return new Performance(0, measured + " But while the reference ran, threads or processes that your code had"
                    + " left running used " + share(share.backgroundCpus()) + " of a CPU on average: they compete with"
                    + " every task for the CPUs, so nothing here can be measured fairly. Look for a thread that spins"
                    + " (busy waiting) or a worker that is never stopped.");
        }
        if (share.counted() < PerformanceScoring.MIN_COUNTED_ROUNDS) {
            return Performance.unmeasurable("Not scored, no point lost: the grader's reference, " + theReference
                    + ", reached " + times(PerformanceScoring.MEANINGFUL_SPEEDUP) + " in only " + share.counted() + " of "
                    + share.rounds() + " rounds (" + share.referenceSpeedup().describe(PerformanceScoring::times)
                    + "): this sandbox could not run the work in parallel, so it cannot show the speed-up this check is"
                    + " about (ideally " + times(ideal) + ": " + why + ") " + who + " reached " + times(row.get().speedup())
                    + ".");
        }
        Spread spread = share.share();
        Band scored = PerformanceScoring.shareBand(band, referenceSpeedup);
        return new Performance(scored.fraction(spread.median()), measured + " Yours ran " + share(spread.median())
                + " of the reference's speed (" + spread.describe(Verdicts::share) + "). Ideally about " + times(ideal)
                + ": " + why + " Every point from " + share(scored.full()) + " of the reference's speed, none at "
                + share(scored.zero()) + " or below.");
    }

    /**
     * Scores the throughput ratio {@code name} (the reference's time over the student's) in the band from
     * {@code zero} to {@code full}.
     *
     * @param what what the ratio compares, e.g. "your buffer's throughput against ArrayBlockingQueue's"
     */
    public static Performance ratio(BenchmarkResults results, String name, Band band, String what) {
        return ratio(results, name, band, what, "");
    }

    /**
     * As {@link #ratio(BenchmarkResults, String, Band, String)}, adding {@code whenSlow} (the likely cause, e.g.
     * "sleeping or polling while waiting makes this slow") only when the measurement cost points: a hint about speed
     * would mislead when nothing was measured at all.
     */
    public static Performance ratio(BenchmarkResults results, String name, Band band, String what, String whenSlow) {
        Optional<Double> ratio = results.ratio(name);
        if (ratio.isEmpty()) {
            return Performance.none(notMeasured(results, what));
        }
        double value = ratio.get();
        double fraction = band.fraction(value);
        String rounds = results.ratioSpread(name).map(spread -> " (" + spread.describe(PerformanceScoring::times) + ")").orElse("");
        return new Performance(fraction, "Measured " + what + ": " + times(value) + rounds
                + " (above 1.00x is faster). Every point from " + times(band.full()) + ", none at " + times(band.zero())
                + " or below." + (fraction < 1 && !whenSlow.isEmpty() ? " " + Verify.sentence(whenSlow) : ""));
    }

    private static String notMeasured(BenchmarkResults results, String what) {
        String errors = results.errors().isEmpty() ? "" : " Problems: " + String.join("; ", results.errors()) + ".";
        return "Not measured: " + what + ". " + (results.finished() ? "The benchmark ended without this measurement."
                : "The benchmark was stopped at its time limit before it got there (a hang or a very slow "
                + "implementation).") + errors;
    }

    /** A share as a student reads it, e.g. {@code 0.93}. */
    public static String share(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String workers(int workers) {
        return workers + (workers == 1 ? " worker" : " workers");
    }
}
