package threadlab.grader.checks.poolexecutor;

import static threadlab.grader.checks.poolexecutor.PoolExecutorBenchmark.CPU_BOUND;
import static threadlab.grader.checks.poolexecutor.PoolExecutorBenchmark.IO_BOUND;
import static threadlab.grader.checks.poolexecutor.PoolExecutorBenchmark.IO_LATENCY_MS;
import static threadlab.grader.checks.poolexecutor.PoolExecutorBenchmark.IO_TASKS;
import static threadlab.grader.checks.poolexecutor.PoolExecutorBenchmark.STUDENT;
import static threadlab.grader.checks.poolexecutor.PoolExecutorBenchmark.TINY_TASKS;

import java.util.Arrays;
import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.benchmark.BenchmarkResults;
import threadlab.grader.benchmark.Performance;
import threadlab.grader.benchmark.PerformanceScoring;
import threadlab.grader.benchmark.Verdicts;

/** Scores what {@link PoolExecutorBenchmark} measured. */
public final class PoolExecutorPerformance {

    private PoolExecutorPerformance() {
    }

    @Check(id = "poolexecutor.io-bound-speedup", category = Category.PERFORMANCE, points = 4,
            title = "I/O-bound tasks speed up with every worker, far beyond the number of CPUs")
    static Performance ioBoundSpeedup(BenchmarkResults results) {
        int workers = maxWorkers();
        return Verdicts.speedup(results, IO_BOUND, STUDENT, workers,
                PerformanceScoring.expectedIoBound(workers, IO_TASKS), PerformanceScoring.FULL_SHARE,
                "each of the " + IO_TASKS + " downloads waits " + IO_LATENCY_MS + " ms for the server, and waiting"
                        + " threads use no CPU, so " + workers + " workers wait " + workers + " times at once.");
    }

    @Check(id = "poolexecutor.cpu-bound-speedup", category = Category.PERFORMANCE, points = 3,
            title = "CPU-bound tasks speed up with the workers, up to the number of CPUs")
    static Performance cpuBoundSpeedup(BenchmarkResults results) {
        int workers = Arrays.stream(PoolExecutorBenchmark.WORKERS).filter(w -> w >= results.cpus()).findFirst()
                .orElse(maxWorkers());
        return Verdicts.speedup(results, CPU_BOUND, STUDENT, workers,
                PerformanceScoring.expectedCpuBound(workers, results.cpus()), PerformanceScoring.FULL_SHARE,
                "computing needs a CPU, and the benchmark has " + results.cpus() + ", so " + workers
                        + " workers compute at most " + Math.min(workers, results.cpus()) + " tasks at once.");
    }

    @Check(id = "poolexecutor.task-overhead", category = Category.PERFORMANCE, points = 2,
            title = "Handing a tiny task to a worker costs about what it costs in the JDK's ThreadPoolExecutor")
    static Performance taskOverhead(BenchmarkResults results) {
        return Verdicts.ratio(results, TINY_TASKS, 0.25, 0.05,
                "the speed of " + PoolExecutorBenchmark.TINY_TASK_COUNT + " tiny tasks on 2 workers against the JDK's"
                        + " ThreadPoolExecutor (a worker thread started per task, or a lock held while a task runs,"
                        + " makes this slow)");
    }

    private static int maxWorkers() {
        return PoolExecutorBenchmark.WORKERS[PoolExecutorBenchmark.WORKERS.length - 1];
    }
}
