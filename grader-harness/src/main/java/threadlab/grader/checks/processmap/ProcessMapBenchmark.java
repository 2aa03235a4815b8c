package threadlab.grader.checks.processmap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import threadlab.grader.benchmark.Band;
import threadlab.grader.benchmark.Bench;
import threadlab.grader.benchmark.Benchmark;
import threadlab.grader.benchmark.Candidate;
import threadlab.grader.benchmark.CpuWork;
import threadlab.grader.benchmark.ScoredPair;
import threadlab.processmap.ProcessMap;
import threadlab.processmap.RemoteFunction;

/**
 * The student's process map on CPU-bound work with 1 and 2 worker processes (started before the clock runs,
 * and also from cold) next to the grader's own {@link ReferenceProcessMap}, which processes did the work, and the
 * cost of many tiny items with and without chunks.
 * Runs in the sandbox; scored by {@link ProcessMapPerformance}.
 */
public final class ProcessMapBenchmark implements Benchmark {

    static final String CPU_BOUND = "cpu-bound";
    static final String STUDENT = "ProcessMap";
    static final String STUDENT_COLD = "ProcessMap, cold start";
    static final String REFERENCE = "grader's process map";
    static final String CHUNKING = "processmap.default-chunks-vs-chunks-of-1";
    static final String WORKER_PROCESSES = "processmap.worker-processes";
    static final String RAN_IN_PARENT = "processmap.ran-in-parent";
    static final int[] PROCESSES = {1, 2};
    /** The worker processes whose speed-up is scored: the last of {@link #PROCESSES}. */
    static final int SCORED_PROCESSES = 2;
    static final int CPU_TASKS = 16;
    static final double CPU_TASK_MS = 20;
    static final int TINY_ITEMS = 4_000;
    /**
     * Worker processes pay for pipes and for warming up their own JIT, so 0.7 of the grader's process map's
     * speed earns every point.
     */
    static final Band CPU_BOUND_BAND = new Band(0.7, 0.5);
    /** Every point from 4 times faster than chunks of one, none at 1.5 times. */
    static final Band CHUNKING_BAND = new Band(4, 1.5);

    @Override
    public void run(Bench bench) throws Exception {
        CpuWork work = CpuWork.calibrated(CPU_TASK_MS);
        RemoteFunction<Integer, Long> task = i -> work.primes(i);
        List<Integer> items = IntStream.range(0, CPU_TASKS).boxed().toList();
        List<ProcessMap> warm = new ArrayList<>();
        try (ReferenceProcessMap reference = ReferenceProcessMap.start(SCORED_PROCESSES)) {
            reference.pids().forEach(bench::ownsProcess);
            List<Candidate> candidates = new ArrayList<>();
            for (int processes : PROCESSES) {
                ProcessMap map = new ProcessMap(processes);
                warm.add(map);
                map.map(task, items.subList(0, processes), 1); // starts the workers before the clock runs
                candidates.add(new Candidate(STUDENT, processes, () -> map.map(task, items)));
            }
            candidates.add(new Candidate(STUDENT_COLD, 2, () -> {
                try (ProcessMap cold = new ProcessMap(2)) {
                    cold.map(task, items);
                }
            }));
            Candidate referenceRun = new Candidate(REFERENCE, SCORED_PROCESSES, () -> reference.primes(work, items));
            candidates.add(referenceRun);
            Candidate scored = candidates.get(PROCESSES.length - 1);
            bench.compare(CPU_BOUND, () -> items.forEach(task::apply), candidates, List.of(new ScoredPair(scored, referenceRun, CPU_BOUND_BAND)));

            ProcessMap two = warm.get(warm.size() - 1);
            recordWorkerProcesses(bench, two);
            List<Integer> tiny = IntStream.range(0, TINY_ITEMS).boxed().toList();
            RemoteFunction<Integer, Integer> increment = i -> i + 1;
            bench.ratio(CHUNKING, () -> two.map(increment, tiny, 1), () -> two.map(increment, tiny), CHUNKING_BAND);
        } finally {
            warm.forEach(ProcessMap::close);
        }
    }

    /** Which processes ran the work: the point of the exercise is that it leaves the parent JVM. */
    private static void recordWorkerProcesses(Bench bench, ProcessMap map) {
        try {
            RemoteFunction<Integer, Long> pid = i -> ProcessHandle.current().pid();
            Set<Long> pids = new HashSet<>(map.map(pid, IntStream.range(0, 8).boxed().toList(), 1));
            bench.fact(RAN_IN_PARENT, Boolean.toString(pids.contains(ProcessHandle.current().pid())));
            bench.fact(WORKER_PROCESSES, Integer.toString(pids.size()));
        } catch (Exception e) {
            bench.error("finding out which processes ran the work: " + e);
        }
    }
}
