package threadlab.grader.checks.boundedbuffer;

import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.benchmark.BenchmarkResults;
import threadlab.grader.benchmark.Performance;
import threadlab.grader.benchmark.Verdicts;

/** Scores what {@link BoundedBufferBenchmark} measured. */
public final class BoundedBufferPerformance {

    private BoundedBufferPerformance() {
    }

    @Check(id = "boundedbuffer.throughput", category = Category.PERFORMANCE, points = 2,
            title = "Producers and consumers hand over items about as fast as through ArrayBlockingQueue")
    static Performance throughput(BenchmarkResults results) {
        return Verdicts.ratio(results, BoundedBufferBenchmark.THROUGHPUT, BoundedBufferBenchmark.BAND,
                "the speed of " + BoundedBufferBenchmark.PAIRS + " producers and " + BoundedBufferBenchmark.PAIRS
                        + " consumers handing over items through your buffer against ArrayBlockingQueue (capacity "
                        + BoundedBufferBenchmark.CAPACITY + ")", "Sleeping or polling while waiting makes a buffer slow: "
                        + "block until woken instead");
    }
}
