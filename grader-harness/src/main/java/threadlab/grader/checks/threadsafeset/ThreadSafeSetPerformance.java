package threadlab.grader.checks.threadsafeset;

import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.benchmark.BenchmarkResults;
import threadlab.grader.benchmark.Performance;
import threadlab.grader.benchmark.Verdicts;

/** Scores what {@link ThreadSafeSetBenchmark} measured. */
public final class ThreadSafeSetPerformance {

    private ThreadSafeSetPerformance() {
    }

    @Check(id = "threadsafeset.read-heavy-throughput", category = Category.PERFORMANCE, points = 2,
            title = "A read-heavy load runs at least about as fast as on a HashSet behind one lock")
    static Performance readHeavyThroughput(BenchmarkResults results) {
        return Verdicts.ratio(results, ThreadSafeSetBenchmark.READ_HEAVY, ThreadSafeSetBenchmark.BAND,
                "the speed of " + ThreadSafeSetBenchmark.THREADS + " threads doing nine lookups per change on your set"
                        + " against a HashSet behind a single lock (copying the set, or sleeping, on every call makes"
                        + " this slow)");
    }
}
