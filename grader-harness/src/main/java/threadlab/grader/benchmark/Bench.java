package threadlab.grader.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Measures implementations side by side and records the results; what a {@link Benchmark} works with.
 *
 * <p>Every comparison runs a warm-up round, then several rounds in which the baseline and each candidate run
 * one after the other (A B C, A B C, ...). A speed-up is the baseline's time over the candidate's time <em>in
 * the same round</em>, and the reported value is the median over the rounds: a slow moment of the machine
 * then hurts both sides of one round, not the result. A candidate that throws or does not finish within its
 * limit gets a row with the reason and is not run again; the others go on.
 */
public final class Bench {

    private final int cpus;
    private final int rounds;
    private final Duration runLimit;
    private final Consumer<BenchmarkResults> sink;
    private final List<BenchmarkRow> rows = new ArrayList<>();
    private final Map<String, Double> ratios = new LinkedHashMap<>();
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    /**
     * @param rounds   measured rounds after the warm-up
     * @param runLimit the longest one run of a candidate may take before it is given up
     * @param sink     receives the results after every change, so a benchmark stopped halfway keeps them
     */
    public Bench(int cpus, int rounds, Duration runLimit, Consumer<BenchmarkResults> sink) {
        this.cpus = cpus;
        this.rounds = rounds;
        this.runLimit = runLimit;
        this.sink = sink;
    }

    /** The CPUs this JVM may use: the expected CPU-bound speed-up is capped by it. */
    public int cpus() {
        return cpus;
    }

    /** Measures each candidate against {@code baseline} on {@code workload}; the baseline gets a row of its own. */
    public void compare(String workload, Timed baseline, List<Candidate> candidates) {
        List<Candidate> alive = new ArrayList<>(candidates);
        Map<Candidate, String> failures = new LinkedHashMap<>();
        Map<Candidate, double[]> times = new LinkedHashMap<>();
        candidates.forEach(c -> times.put(c, new double[rounds]));
        double[] baselineTimes = new double[rounds];
        for (int round = -1; round < rounds; round++) { // round -1 is the warm-up
            double base;
            try {
                base = time(baseline);
            } catch (Exception e) {
                error(workload + ": the baseline failed: " + e);
                return;
            }
            if (round >= 0) {
                baselineTimes[round] = base;
            }
            for (Candidate candidate : List.copyOf(alive)) {
                try {
                    double t = time(candidate.run());
                    if (round >= 0) {
                        times.get(candidate)[round] = t;
                    }
                } catch (Exception e) {
                    alive.remove(candidate);
                    failures.put(candidate, describe(e));
                }
            }
        }
        rows.add(new BenchmarkRow(workload, "sequential", 1, median(baselineTimes), 1.0, ones(rounds), null));
        for (Candidate candidate : candidates) {
            String failure = failures.get(candidate);
            rows.add(failure != null
                    ? new BenchmarkRow(workload, candidate.implementation(), candidate.workers(), 0, 0, List.of(), failure)
                    : row(workload, candidate, baselineTimes, times.get(candidate)));
        }
        publish();
    }

    /**
     * Measures {@code candidate} against {@code reference} doing the same work, and records the ratio of their
     * times (reference / candidate, the median over the rounds): above 1 the candidate is faster.
     */
    public void ratio(String name, Timed reference, Timed candidate) {
        double[] ratiosByRound = new double[rounds];
        try {
            for (int round = -1; round < rounds; round++) {
                double ref = time(reference);
                double cand = time(candidate);
                if (round >= 0) {
                    ratiosByRound[round] = ref / cand;
                }
            }
            ratios.put(name, median(ratiosByRound));
        } catch (Exception e) {
            error(name + ": " + describe(e));
        }
        publish();
    }

    /** Records an observation the scoring needs, e.g. which processes did the work. */
    public void fact(String name, String value) {
        facts.put(name, value);
        publish();
    }

    /** Records a problem that belongs to no row. */
    public void error(String message) {
        errors.add(message);
        publish();
    }

    /** The results so far; {@code finished} says whether the benchmark is over. */
    public BenchmarkResults results(boolean finished) {
        return new BenchmarkResults(cpus, System.getProperty("java.version"), List.copyOf(rows), Map.copyOf(ratios),
                Map.copyOf(facts), List.copyOf(errors), finished);
    }

    private void publish() {
        sink.accept(results(false));
    }

    private static BenchmarkRow row(String workload, Candidate candidate, double[] baselineTimes, double[] candidateTimes) {
        List<Double> speedups = new ArrayList<>();
        for (int i = 0; i < baselineTimes.length; i++) {
            speedups.add(baselineTimes[i] / candidateTimes[i]);
        }
        double median = median(speedups.stream().mapToDouble(Double::doubleValue).toArray());
        return new BenchmarkRow(workload, candidate.implementation(), candidate.workers(), median(candidateTimes), median,
                List.copyOf(speedups), null);
    }

    /** Milliseconds one run takes, in a thread of its own so that a run that hangs can be given up. */
    private double time(Timed timed) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] elapsed = new long[1];
        Thread runner = new Thread(() -> {
            long start = System.nanoTime();
            try {
                timed.run();
            } catch (Throwable t) {
                failure.set(t);
            }
            elapsed[0] = System.nanoTime() - start;
        }, "threadlab-benchmark-run");
        runner.setDaemon(true);
        runner.start();
        runner.join(runLimit.toMillis());
        if (runner.isAlive()) {
            throw new RunTimedOut(runLimit);
        }
        if (failure.get() != null) {
            throw new RunFailed(failure.get());
        }
        return elapsed[0] / 1e6;
    }

    private static String describe(Exception e) {
        if (e instanceof RunTimedOut) {
            return e.getMessage();
        }
        Throwable cause = e instanceof RunFailed ? e.getCause() : e;
        return "threw " + cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static List<Double> ones(int n) {
        return java.util.Collections.nCopies(n, 1.0);
    }

    private static final class RunTimedOut extends Exception {
        RunTimedOut(Duration limit) {
            super("did not finish within " + limit.toSeconds() + " s");
        }
    }

    private static final class RunFailed extends Exception {
        RunFailed(Throwable cause) {
            super(cause);
        }
    }
}
