package threadlab.grader.checks.poolexecutor;

import static threadlab.grader.checks.poolexecutor.PoolExecutorBenchmark.CPU_BOUND;
import static threadlab.grader.checks.poolexecutor.PoolExecutorBenchmark.IO_BOUND;
import static threadlab.grader.checks.poolexecutor.PoolExecutorBenchmark.IO_LATENCY_MS;
import static threadlab.grader.checks.poolexecutor.PoolExecutorBenchmark.IO_TASKS;
import static threadlab.grader.checks.poolexecutor.PoolExecutorBenchmark.STUDENT;
import static threadlab.grader.checks.poolexecutor.PoolExecutorBenchmark.TINY_TASKS;

import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.benchmark.BenchmarkResults;
import threadlab.grader.benchmark.Performance;
import threadlab.grader.benchmark.PerformanceScoring;
import threadlab.grader.benchmark.Verdicts;

/** Scores what {@link PoolExecutorBenchmark} measured. */
public final class PoolExecutorPerformance {

    private static final String JDK_POOL_NAME = "the JDK's ThreadPoolExecutor";

    private PoolExecutorPerformance() {
    }

    @Check(id = "poolexecutor.io-bound-speedup", category = Category.PERFORMANCE, points = 4,
            title = "I/O-bound tasks speed up with every worker, far beyond the number of CPUs")
    static Performance ioBoundSpeedup(BenchmarkResults results) {
        int workers = PoolExecutorBenchmark.IO_WORKERS;
        return Verdicts.shareOfReference(results, IO_BOUND, STUDENT, workers, JDK_POOL_NAME, PerformanceScoring.SHARE_OF_REFERENCE,
                PerformanceScoring.expectedIoBound(workers, IO_TASKS),
                "each of the " + IO_TASKS + " downloads waits " + IO_LATENCY_MS + " ms for the server, and waiting"
                        + " threads use no CPU, so " + workers + " workers wait " + workers + " times at once.");
    }

    @Check(id = "poolexecutor.cpu-bound-speedup", category = Category.PERFORMANCE, points = 3,
            title = "CPU-bound tasks speed up with the workers, up to the number of CPUs")
    static Performance cpuBoundSpeedup(BenchmarkResults results) {
        int workers = PoolExecutorBenchmark.cpuBoundWorkers(results.cpus());
        return Verdicts.shareOfReference(results, CPU_BOUND, STUDENT, workers, JDK_POOL_NAME, PerformanceScoring.SHARE_OF_REFERENCE,
                PerformanceScoring.expectedCpuBound(workers, results.cpus()),
                "computing needs a CPU, and the benchmark has " + results.cpus() + ", so " + workers
                        + " workers compute at most " + Math.min(workers, results.cpus()) + " tasks at once.");
    }

    @Check(id = "poolexecutor.task-overhead", category = Category.PERFORMANCE, points = 2,
            title = "Handing a tiny task to a worker costs about what it costs in the JDK's ThreadPoolExecutor")
    static Performance taskOverhead(BenchmarkResults results) {
        return Verdicts.ratio(results, TINY_TASKS, PoolExecutorBenchmark.TINY_TASKS_BAND,
                "the speed of " + PoolExecutorBenchmark.TINY_TASK_COUNT + " tiny tasks on 2 workers against the JDK's"
                        + " ThreadPoolExecutor (a worker thread started per task, or a lock held while a task runs,"
                        + " makes this slow)");
    }

}
