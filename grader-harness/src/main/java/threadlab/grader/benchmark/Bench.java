package threadlab.grader.benchmark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Measures implementations side by side and records the results; what a {@link Benchmark} works with.
 *
 * <p>Every comparison warms up until its timings settle, then runs rounds in which the baseline and each
 * candidate run one after the other (A B C, A B C, ...). A speed-up is the baseline's time over the candidate's
 * time <em>in the same round</em>, and the reported value is the median over the rounds: a slow moment of the
 * machine then hurts both sides of one round, not the result. What a check scores (a {@link ScoredPair}, a
 * {@link #ratio}) runs on for more rounds, until the interval around its median is narrow ({@link Rounds}).
 * A candidate that throws or does not finish within its limit gets a row with the reason and is not run again;
 * the others go on.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class Bench {

    private final int cpus;
    private final Rounds rounds;
    private final Duration runLimit;
    private final Consumer<BenchmarkResults> sink;
    private final List<BenchmarkRow> rows = new ArrayList<>();
    private final List<BenchmarkShare> shares = new ArrayList<>();
    private final Map<String, Spread> ratios = new LinkedHashMap<>();
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private final BackgroundCpu background = new BackgroundCpu();

    /**
     * @param rounds   how many rounds each comparison runs
     * @param runLimit the longest one run of a candidate may take before it is given up
     * @param sink     receives the results after every change, so a benchmark stopped halfway keeps them
     */
    public Bench(int cpus, Rounds rounds, Duration runLimit, Consumer<BenchmarkResults> sink) {
        this.cpus = cpus;
        this.rounds = rounds;
        this.runLimit = runLimit;
        this.sink = sink;
    }

    /** The CPUs this JVM may use: the expected CPU-bound speed-up is capped by it. */
    public int cpus() {
        return cpus;
    }

    /**
     * Marks a process as the grader's own (a reference implementation's worker): the CPU it uses while a reference
     * runs is the reference's work, not background work.
     */
    public void ownsProcess(long pid) {
        background.own(pid);
    }

    /** Measures each candidate against {@code baseline} on {@code workload}; the baseline gets a row of its own. */
    public void compare(String workload, Timed baseline, List<Candidate> candidates) {
        compare(workload, baseline, candidates, List.of());
    }

    /**
     * Measures each candidate against {@code baseline} on {@code workload}, and each scored pair's candidate
     * against its reference, running the pairs until their shares are known precisely enough.
     */
    public void compare(String workload, Timed baseline, List<Candidate> candidates, List<ScoredPair> scored) {
        Series base = new Series(baseline);
        Map<Candidate, Series> series = new LinkedHashMap<>();
        candidates.forEach(c -> series.put(c, new Series(c.run())));
        Set<Series> watched = new LinkedHashSet<>();
        scored.forEach(p -> {
            watched.add(series.get(p.candidate()));
            watched.add(series.get(p.reference()));
            series.get(p.reference()).accountsBackground = true;
        });
        List<Series> all = new ArrayList<>(List.of(base));
        all.addAll(series.values());
        List<Series> scoredRuns = new ArrayList<>(List.of(base));
        scoredRuns.addAll(watched);
        warmUp(all, scoredRuns);
        int fewest = scored.isEmpty() ? rounds.shown() : rounds.min(); // nothing scored: the table's rounds suffice
        for (int round = 0; round < rounds.max() && base.failure == null; round++) {
            measure(round < rounds.shown() ? all : scoredRuns);
            if (round + 1 >= fewest && scored.stream().allMatch(p -> settled(base, series.get(p.candidate()),
                    series.get(p.reference()), p))) {
                break;
            }
        }
        if (base.failure != null) {
            error(workload + ": the baseline failed: " + base.failure);
            return;
        }
        rows.add(new BenchmarkRow(workload, "sequential", 1, base.median(), 1.0, ones(rounds.shown()), null));
        for (Candidate candidate : candidates) {
            Series s = series.get(candidate);
            rows.add(s.failure != null
                    ? new BenchmarkRow(workload, candidate.implementation(), candidate.workers(), 0, 0, List.of(), s.failure)
                    : row(workload, candidate, base, s));
        }
        for (ScoredPair pair : scored) {
            shares.add(share(workload, pair, base, series.get(pair.candidate()), series.get(pair.reference())));
        }
        publish();
    }

    /**
     * Measures {@code candidate} against {@code reference} doing the same work, and records the ratio of their
     * times (reference / candidate, median and interval over the rounds): above 1 the candidate is faster.
     *
     * @param band the band the check scores the ratio in: the rounds stop once it decides
     */
    public void ratio(String name, Timed reference, Timed candidate, Band band) {
        Series ref = new Series(reference);
        Series cand = new Series(candidate);
        List<Series> both = List.of(ref, cand);
        warmUp(both, both);
        for (int round = 0; round < rounds.max() && ref.failure == null && cand.failure == null; round++) {
            measure(both);
            if (round + 1 >= rounds.min() && settled(Spread.of(share(cand, ref)), band)) {
                break;
            }
        }
        if (ref.failure != null || cand.failure != null) {
            error(name + ": " + (cand.failure != null ? cand.failure : "the reference " + ref.failure));
            return;
        }
        ratios.put(name, Spread.of(share(cand, ref)));
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
        Map<String, Double> medians = new LinkedHashMap<>();
        ratios.forEach((name, spread) -> medians.put(name, spread.median()));
        return new BenchmarkResults(cpus, System.getProperty("java.version"), List.copyOf(rows), medians,
                Map.copyOf(ratios), List.copyOf(shares), Map.copyOf(facts), List.copyOf(errors), finished);
    }

    private void publish() {
        sink.accept(results(false));
    }

    /** One round of everything in {@code first}, then rounds of {@code settling} until two in a row agree. */
    private void warmUp(List<Series> first, List<Series> settling) {
        first.forEach(Series::warmUp);
        for (int round = 1; round < rounds.maxWarmups(); round++) {
            boolean steady = true;
            for (Series s : settling) {
                steady &= s.warmUp();
            }
            if (steady) {
                return;
            }
        }
    }

    private void measure(List<Series> series) {
        series.forEach(Series::measure);
    }

    /**
     * Whether the share of a scored pair is known precisely enough, or enough for its band to decide, or never
     * will be (a run failed, or not one round counted: the sandbox cannot run the work in parallel now).
     */
    private boolean settled(Series base, Series candidate, Series reference, ScoredPair pair) {
        if (base.failure != null || candidate.failure != null || reference.failure != null) {
            return true;
        }
        List<Double> counted = countedShares(base, candidate, reference, pair.meaningfulSpeedup());
        return counted.isEmpty() || counted.size() >= rounds.min() && settled(Spread.of(counted), pair.band());
    }

    private boolean settled(Spread spread, Band band) {
        return spread.narrowerThan(rounds.precision()) || band.decides(spread);
    }

    private BenchmarkShare share(String workload, ScoredPair pair, Series base, Series candidate, Series reference) {
        List<Double> referenceSpeedups = share(reference, base);
        List<Double> counted = countedShares(base, candidate, reference, pair.meaningfulSpeedup());
        List<Double> countedSpeedups = referenceSpeedups.stream().filter(s -> s >= pair.meaningfulSpeedup()).toList();
        return new BenchmarkShare(workload, pair.candidate().implementation(), pair.candidate().workers(),
                pair.reference().implementation(), pair.reference().workers(), Spread.of(counted),
                Spread.of(counted.isEmpty() ? referenceSpeedups : countedSpeedups), referenceSpeedups.size(),
                reference.backgroundCpus());
    }

    /** The reference's time over the candidate's in each round in which the reference reached {@code meaningful}. */
    private static List<Double> countedShares(Series base, Series candidate, Series reference, double meaningful) {
        List<Double> shares = new ArrayList<>();
        int n = Math.min(base.times.size(), Math.min(candidate.times.size(), reference.times.size()));
        for (int i = 0; i < n; i++) {
            if (base.times.get(i) / reference.times.get(i) >= meaningful) {
                shares.add(reference.times.get(i) / candidate.times.get(i));
            }
        }
        return shares;
    }

    /** The reference's time over the candidate's, round by round, over the rounds both ran. */
    private static List<Double> share(Series candidate, Series reference) {
        List<Double> shares = new ArrayList<>();
        for (int i = 0; i < Math.min(candidate.times.size(), reference.times.size()); i++) {
            shares.add(reference.times.get(i) / candidate.times.get(i));
        }
        return shares;
    }

    private BenchmarkRow row(String workload, Candidate candidate, Series base, Series series) {
        List<Double> speedups = share(series, base);
        speedups = speedups.subList(0, Math.min(speedups.size(), rounds.shown())); // the table's rounds, alike for all
        return new BenchmarkRow(workload, candidate.implementation(), candidate.workers(), series.median(),
                Spread.of(speedups).median(), List.copyOf(speedups), null);
    }

    private static List<Double> ones(int n) {
        return java.util.Collections.nCopies(n, 1.0);
    }

    /** The timings of one implementation in one comparison; the first failure stops it for good. */
    private final class Series {
        private final Timed run;
        private final List<Double> times = new ArrayList<>();
        private double lastWarmUp = Double.NaN;
        private String failure;
        /** Whether to account the CPU that other work uses while this runs (for a reference). */
        private boolean accountsBackground;
        private long backgroundNanos;
        private long measuredNanos;

        Series(Timed run) {
            this.run = run;
        }

        /** Runs once unmeasured; whether the time is within the settled share of the previous warm-up run. */
        boolean warmUp() {
            if (failure != null) {
                return true;
            }
            double previous = lastWarmUp;
            lastWarmUp = timeOrFail();
            return Math.abs(lastWarmUp - previous) <= rounds.settled() * previous;
        }

        void measure() {
            if (failure == null) {
                BackgroundCpu.Snapshot before = accountsBackground ? background.snapshot() : null;
                double t = timeOrFail();
                if (failure == null) {
                    times.add(t);
                    if (before != null) {
                        backgroundNanos += background.snapshot().backgroundSince(before);
                        measuredNanos += (long) (t * 1e6);
                    }
                }
            }
        }

        /** CPUs that other work used on average while this was measured. */
        double backgroundCpus() {
            return BackgroundCpu.cpus(backgroundNanos, Duration.ofNanos(measuredNanos));
        }

        double median() {
            return Spread.of(times).median();
        }

        private double timeOrFail() {
            try {
                return time(run);
            } catch (Exception e) {
                failure = describe(e);
                return Double.NaN;
            }
        }
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
