package threadlab.grader.checks.processmap;

import static threadlab.grader.checks.processmap.ProcessMapBenchmark.CHUNKING;
import static threadlab.grader.checks.processmap.ProcessMapBenchmark.CPU_BOUND;
import static threadlab.grader.checks.processmap.ProcessMapBenchmark.RAN_IN_PARENT;
import static threadlab.grader.checks.processmap.ProcessMapBenchmark.STUDENT;

import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.benchmark.BenchmarkResults;
import threadlab.grader.benchmark.Performance;
import threadlab.grader.benchmark.PerformanceScoring;
import threadlab.grader.benchmark.Verdicts;

/** Scores what {@link ProcessMapBenchmark} measured. */
public final class ProcessMapPerformance {

    private ProcessMapPerformance() {
    }

    @Check(id = "processmap.cpu-bound-speedup", category = Category.PERFORMANCE, points = 4,
            title = "CPU-bound work speeds up with two worker processes, computed in those processes")
    static Performance cpuBoundSpeedup(BenchmarkResults results) {
        if (results.fact(RAN_IN_PARENT).map(Boolean::parseBoolean).orElse(false)) {
            return new Performance(0, "The function ran in the grader's own JVM, not in worker processes"
                    + " (ProcessHandle.current().pid() inside it returned the parent's pid): any speed-up came from"
                    + " threads. The exercise is about processes: start workers with ProcessBuilder and send them the items.");
        }
        int processes = ProcessMapBenchmark.SCORED_PROCESSES;
        return Verdicts.shareOfReference(results, CPU_BOUND, STUDENT, processes, "the grader's own process map",
                ProcessMapBenchmark.CPU_BOUND_BAND,
                PerformanceScoring.expectedCpuBound(processes, results.cpus()),
                "the benchmark has " + results.cpus() + " CPUs, and processes that were started before the clock ran"
                        + " pay only for sending items and results.");
    }

    @Check(id = "processmap.chunking", category = Category.PERFORMANCE, points = 2,
            title = "Many tiny items travel in chunks, not one round trip each")
    static Performance chunking(BenchmarkResults results) {
        return Verdicts.ratio(results, CHUNKING, ProcessMapBenchmark.CHUNKING_BAND,
                "how much faster map(fn, items) handles " + ProcessMapBenchmark.TINY_ITEMS + " tiny items than"
                        + " map(fn, items, 1), which sends them one at a time (the one-argument map should pick chunks"
                        + " big enough that round trips stop mattering)");
    }
}
