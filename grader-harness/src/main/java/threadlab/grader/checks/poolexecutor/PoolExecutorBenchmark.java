package threadlab.grader.checks.poolexecutor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import threadlab.grader.benchmark.Band;
import threadlab.grader.benchmark.Bench;
import threadlab.grader.benchmark.Benchmark;
import threadlab.grader.benchmark.Candidate;
import threadlab.grader.benchmark.CpuWork;
import threadlab.grader.benchmark.LatencyServer;
import threadlab.grader.benchmark.PerformanceScoring;
import threadlab.grader.benchmark.ScoredPair;
import threadlab.grader.benchmark.Timed;
import threadlab.poolexecutor.PoolExecutor;

/**
 * The student's pool on I/O-bound and CPU-bound work with 1, 2, 4 and 8 workers, next to the JDK's
 * {@code ThreadPoolExecutor} with as many workers as the scored row (the reference of its score; and virtual
 * threads where the JDK has them, for comparison), and its cost per tiny task.
 * Runs in the sandbox; scored by {@link PoolExecutorPerformance}.
 */
public final class PoolExecutorBenchmark implements Benchmark {

    static final String IO_BOUND = "io-bound";
    static final String CPU_BOUND = "cpu-bound";
    static final String STUDENT = "PoolExecutor";
    static final String JDK_POOL = "ThreadPoolExecutor";
    static final String VIRTUAL_THREADS = "virtual threads";
    static final String TINY_TASKS = "poolexecutor.tiny-tasks-vs-jdk";
    static final int[] WORKERS = {1, 2, 4, 8};
    /** The workers whose I/O-bound speed-up is scored (against the JDK's pool with as many). */
    static final int IO_WORKERS = 8;
    static final int IO_TASKS = 32;
    static final int IO_LATENCY_MS = 10;
    static final int CPU_TASKS = 16;
    static final double CPU_TASK_MS = 20;
    static final int TINY_TASK_COUNT = 20_000;
    /** Every point from a quarter of the JDK's speed on tiny tasks, none at a twentieth. */
    static final Band TINY_TASKS_BAND = new Band(0.25, 0.05);

    @Override
    public void run(Bench bench) throws Exception {
        try (LatencyServer server = LatencyServer.start(IO_LATENCY_MS)) {
            int port = server.port();
            measure(bench, IO_BOUND, IO_TASKS, IO_WORKERS, i -> LatencyServer.fetch(port, i));
        }
        CpuWork work = CpuWork.calibrated(CPU_TASK_MS);
        measure(bench, CPU_BOUND, CPU_TASKS, cpuBoundWorkers(bench.cpus()), i -> work.primes(i));
        bench.ratio(TINY_TASKS, () -> jdkPool(2, TINY_TASK_COUNT, i -> i + 1), () -> studentPool(2, TINY_TASK_COUNT, i -> i + 1),
                TINY_TASKS_BAND);
    }

    /** The workers whose CPU-bound speed-up is scored: the fewest of {@link #WORKERS} that keep every CPU busy. */
    static int cpuBoundWorkers(int cpus) {
        return Arrays.stream(WORKERS).filter(w -> w >= cpus).findFirst().orElse(WORKERS[WORKERS.length - 1]);
    }

    /** Every worker count of the student's pool, and the JDK's pool with the scored count as its reference. */
    private static void measure(Bench bench, String workload, int tasks, int scoredWorkers, Function<Integer, ?> task) {
        List<Candidate> candidates = new ArrayList<>();
        Candidate scored = null;
        for (int workers : WORKERS) {
            candidates.add(new Candidate(STUDENT, workers, () -> studentPool(workers, tasks, task)));
            if (workers == scoredWorkers) {
                scored = candidates.get(candidates.size() - 1);
            }
        }
        Candidate reference = new Candidate(JDK_POOL, scoredWorkers, () -> jdkPool(scoredWorkers, tasks, task));
        candidates.add(reference);
        virtualThreads(tasks, task).ifPresent(run -> candidates.add(new Candidate(VIRTUAL_THREADS, tasks, run)));
        bench.compare(workload, () -> sequential(tasks, task), candidates, List.of(new ScoredPair(scored, reference,
                PerformanceScoring.SHARE_OF_REFERENCE)));
    }

    private static void sequential(int tasks, Function<Integer, ?> task) {
        for (int i = 0; i < tasks; i++) {
            task.apply(i);
        }
    }

    /** The student's pool, created and closed within the run: starting workers is part of the cost. */
    private static void studentPool(int workers, int tasks, Function<Integer, ?> task) throws Exception {
        try (PoolExecutor pool = new PoolExecutor(workers)) {
            pool.map(task, items(tasks));
        }
    }

    private static void jdkPool(int workers, int tasks, Function<Integer, ?> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            awaitAll(pool, tasks, task);
        } finally {
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** One virtual thread per task, on JDKs that have them (21 and later; the grader targets 17). */
    private static java.util.Optional<Timed> virtualThreads(int tasks, Function<Integer, ?> task) {
        try {
            var factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return java.util.Optional.of(() -> {
                ExecutorService pool = (ExecutorService) factory.invoke(null);
                try {
                    awaitAll(pool, tasks, task);
                } finally {
                    pool.shutdown();
                }
            });
        } catch (NoSuchMethodException e) {
            return java.util.Optional.empty();
        }
    }

    private static void awaitAll(ExecutorService pool, int tasks, Function<Integer, ?> task) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            int item = i;
            futures.add(pool.submit(() -> task.apply(item)));
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }

    private static List<Integer> items(int count) {
        return IntStream.range(0, count).boxed().toList();
    }
}
