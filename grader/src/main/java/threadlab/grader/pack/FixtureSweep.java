package threadlab.grader.pack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import threadlab.grader.report.CheckReport;
import threadlab.grader.sandbox.LocalContainment;

/**
 * Grades the fixtures of one or more packs and judges each against its {@code fixture.txt}.
 *
 * <p>Most of a fixture's time goes to check JVMs that wait (for a timeout, a hang's limit, a blocked thread): the
 * check JVMs' part of every fixture is graded {@link #LANES} at a time, started at once, where each contained JVM has
 * namespaces of its own. The interleaving explorations the fixtures ask for queue behind them in the same lanes (an
 * exploration is bounded by how many orders it explores, not by time, and a fixture's bug concerns one or two
 * scenarios: one grading alone would leave a core idle). Once every lane is done come the benchmarks, one fixture at a
 * time: a benchmark measures time and wants the machine to itself.
 *
 * <p>{@code -Dthreadlab.fixtures.lanes=1} grades one fixture at a time (to measure, or where contained JVMs cannot
 * run side by side, which is also detected).
 */
public final class FixtureSweep {

    /** Which checks the check JVMs run on a buggy fixture (a correct alternative always gets every check). */
    public enum Breadth {
        /** Every check of its exercise: it must lose those aimed at its bug and keep the others. */
        EVERY_CHECK,
        /**
         * Only the checks it must lose: that each catches the bug it is aimed at, and nothing about the others.
         * Most of a buggy fixture's grading is the checks not aimed at it, so this is the faster sweep.
         */
        AIMED_CHECKS
    }

    /** Gradings side by side: one per core of the 2-core machines this project is measured on. */
    static final int LANES = Integer.getInteger("threadlab.fixtures.lanes", 2);
    /** A bound on one fixture's grading, far beyond its checks' own limits: only a grader bug reaches it. */
    private static final long GRADING_LIMIT_MINUTES = 10;

    private final Map<Fixture, PackVerification> packOf = new HashMap<>();
    private final Map<Fixture, Future<Map<String, CheckReport>>> inCheckJvms = new HashMap<>();
    private final Map<Fixture, CompletableFuture<Map<String, CheckReport>>> withEngines = new HashMap<>();
    private final List<Fixture> fixtures = new ArrayList<>();
    private final Map<Fixture, Duration> gradingTimes = new ConcurrentHashMap<>();
    private final int lanes;

    private FixtureSweep(int lanes) {
        this.lanes = lanes;
    }

    /**
     * Starts grading the fixtures of {@code packs} that {@code wanted} accepts: their check JVMs' part first, then
     * their explorations, then their benchmarks.
     *
     * @param breadth which checks the check JVMs run on a buggy fixture
     */
    public static FixtureSweep start(Collection<PackVerification> packs, Predicate<Fixture> wanted, Breadth breadth) {
        boolean sideBySide = LocalContainment.detect().map(LocalContainment::allowsConcurrentRuns).orElse(true);
        FixtureSweep sweep = new FixtureSweep(sideBySide ? Math.max(1, LANES) : 1);
        for (PackVerification pack : packs) {
            pack.fixtures().stream().filter(wanted).forEach(f -> sweep.packOf.put(f, pack));
        }
        sweep.fixtures.addAll(sweep.packOf.keySet());
        sweep.fixtures.sort(Comparator.comparing((Fixture f) -> sweep.packOf.get(f).needsEngines(f))
                .thenComparing(Fixture::toString));
        sweep.fixtures.stream().filter(f -> sweep.packOf.get(f).needsEngines(f))
                .forEach(f -> sweep.withEngines.put(f, new CompletableFuture<>()));
        // One queue for the lanes: every check JVMs' part, then the explorations (which then start as lanes free up).
        ExecutorService lanes = lanes(sweep.lanes);
        for (Fixture fixture : sweep.fixtures) {
            sweep.inCheckJvms.put(fixture, lanes.submit(() -> sweep.timed(fixture,
                    () -> sweep.packOf.get(fixture).gradeInCheckJvms(fixture, breadth))));
        }
        sweep.engineFixtures(false).forEach(f -> lanes.submit(() -> sweep.gradeWithEngines(f)));
        lanes.shutdown();
        Thread benchmarks = new Thread(() -> sweep.benchmarkAlone(lanes), "fixture-benchmarks");
        benchmarks.setDaemon(true);
        benchmarks.start();
        return sweep;
    }

    private static ExecutorService lanes(int count) {
        return Executors.newFixedThreadPool(count, runnable -> {
            Thread thread = new Thread(runnable, "fixture-lane");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The fixtures graded with engines: those {@code benchmarked}, or those only explored. */
    private List<Fixture> engineFixtures(boolean benchmarked) {
        return fixtures.stream().filter(f -> withEngines.containsKey(f) && packOf.get(f).isBenchmarked(f) == benchmarked)
                .toList();
    }

    /** Once every lane is done: the benchmarks, one fixture at a time. */
    private void benchmarkAlone(ExecutorService lanes) {
        try {
            if (!lanes.awaitTermination(GRADING_LIMIT_MINUTES * Math.max(1, fixtures.size()), TimeUnit.MINUTES)) {
                throw new IllegalStateException("the fixtures graded side by side did not finish");
            }
            engineFixtures(true).forEach(this::gradeWithEngines);
        } catch (InterruptedException | RuntimeException e) {
            withEngines.values().forEach(graded -> graded.completeExceptionally(e));
        }
    }

    private void gradeWithEngines(Fixture fixture) {
        try {
            withEngines.get(fixture).complete(timed(fixture, () -> packOf.get(fixture).gradeWithEngines(fixture)));
        } catch (RuntimeException e) {
            withEngines.get(fixture).completeExceptionally(e);
        }
    }

    /** Runs one part of {@code fixture}'s grading, adding its time to the fixture's. */
    private Map<String, CheckReport> timed(Fixture fixture, Supplier<Map<String, CheckReport>> grading) {
        long started = System.nanoTime();
        try {
            return grading.get();
        } finally {
            gradingTimes.merge(fixture, Duration.ofNanos(System.nanoTime() - started), Duration::plus);
        }
    }

    /**
     * How long {@code fixture}'s gradings took (its check JVMs' part and its engines' part, each from its start):
     * complete once {@link #problemsOf} answered for it. What makes a sweep long.
     */
    public Duration gradingTime(Fixture fixture) {
        return gradingTimes.getOrDefault(fixture, Duration.ZERO);
    }

    /** The fixtures swept, those needing no engine first, in the order their verdicts are best asked for. */
    public List<Fixture> fixtures() {
        return List.copyOf(fixtures);
    }

    /**
     * What is wrong with {@code fixture}'s grading (empty when it loses what it aims at and, unless the sweep grades
     * only the {@link Breadth#AIMED_CHECKS}, keeps the rest): waits for its check JVMs' part and, if it asks for them,
     * its explorations and benchmarks.
     */
    public List<String> problemsOf(Fixture fixture) throws InterruptedException {
        Map<String, CheckReport> checks = new HashMap<>(result(fixture, inCheckJvms.get(fixture)));
        if (withEngines.containsKey(fixture)) {
            checks.putAll(result(fixture, withEngines.get(fixture)));
        }
        return fixture.judge(checks);
    }

    private Map<String, CheckReport> result(Fixture fixture, Future<Map<String, CheckReport>> graded)
            throws InterruptedException {
        try {
            return graded.get(GRADING_LIMIT_MINUTES * Math.max(1, fixtures.size()), TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            graded.cancel(true);
            throw new IllegalStateException(fixture + " was not graded in time", e);
        }
    }
}
