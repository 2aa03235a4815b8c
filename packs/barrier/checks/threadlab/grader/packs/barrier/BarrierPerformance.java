package threadlab.grader.packs.barrier;

import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.benchmark.Band;
import threadlab.grader.benchmark.BenchmarkResults;
import threadlab.grader.benchmark.Performance;
import threadlab.grader.benchmark.Verdicts;

/**
 * Scores what {@link BarrierBenchmark} measured. The grader calls it outside the sandbox, with the results only: it
 * names no class of the student's (its constants are the benchmark's too, so the benchmark names this class).
 */
public final class BarrierPerformance {

    static final String GENERATIONS_VS_JDK = "barrier.generations-vs-cyclicbarrier";
    /** Every point from 0.3 of CyclicBarrier's speed, none at 0.05: only sleeping or polling between looks falls below. */
    static final Band BAND = new Band(0.3, 0.05);

    private BarrierPerformance() {
    }

    @Check(id = "barrier.throughput", category = Category.PERFORMANCE, points = 2,
            title = "Threads meet at least about a third as fast as at the JDK's CyclicBarrier")
    static Performance throughput(BenchmarkResults results) {
        return Verdicts.ratio(results, GENERATIONS_VS_JDK, BAND, "how fast 4 threads meet 2,000 times at your barrier"
                + " against the JDK's CyclicBarrier", "sleeping between looks at the barrier, instead of waiting to be"
                + " woken, makes every meeting take at least the length of a sleep");
    }
}
