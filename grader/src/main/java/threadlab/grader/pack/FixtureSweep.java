package threadlab.grader.pack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import threadlab.grader.report.CheckReport;
import threadlab.grader.sandbox.LocalContainment;

/**
 * Grades the fixtures of one or more packs and judges each against its {@code fixture.txt}.
 *
 * <p>Most of a fixture's time goes to check JVMs that wait (for a timeout, a hang's limit, a blocked thread): the
 * check JVMs' part of every fixture is graded {@link #LANES} at a time, started at once, where each contained JVM has
 * namespaces of its own. Once every lane is done, the interleaving explorations the fixtures ask for are graded
 * {@link #LANES} at a time too (an exploration is bounded by how many orders it explores, not by time, and a fixture's
 * bug concerns one or two scenarios: one grading alone leaves a core idle), and last the benchmarks, one fixture at a
 * time: a benchmark measures time and wants the machine to itself.
 *
 * <p>{@code -Dthreadlab.fixtures.lanes=1} grades one fixture at a time (to measure, or where contained JVMs cannot
 * run side by side, which is also detected).
 */
public final class FixtureSweep {

    /** Gradings side by side: one per core of the 2-core machines this project is measured on. */
    static final int LANES = Integer.getInteger("threadlab.fixtures.lanes", 2);
    /** A bound on one fixture's grading, far beyond its checks' own limits: only a grader bug reaches it. */
    private static final long GRADING_LIMIT_MINUTES = 10;

    private final Map<Fixture, PackVerification> packOf = new HashMap<>();
    private final Map<Fixture, Future<Map<String, CheckReport>>> inCheckJvms = new HashMap<>();
    private final Map<Fixture, CompletableFuture<Map<String, CheckReport>>> withEngines = new HashMap<>();
    private final List<Fixture> fixtures = new ArrayList<>();
    private final int lanes;

    private FixtureSweep(int lanes) {
        this.lanes = lanes;
    }

    /**
     * Starts grading the fixtures of {@code packs} that {@code wanted} accepts: their check JVMs' part first, then
     * their explorations, then their benchmarks.
     */
    public static FixtureSweep start(Collection<PackVerification> packs, Predicate<Fixture> wanted) {
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
        ExecutorService checkJvms = lanes(sweep.lanes);
        for (Fixture fixture : sweep.fixtures) {
            sweep.inCheckJvms.put(fixture, checkJvms.submit(() -> sweep.packOf.get(fixture).gradeInCheckJvms(fixture)));
        }
        checkJvms.shutdown();
        Thread engines = new Thread(() -> sweep.gradeWithEngines(checkJvms), "fixture-engines");
        engines.setDaemon(true);
        engines.start();
        return sweep;
    }

    private static ExecutorService lanes(int count) {
        return Executors.newFixedThreadPool(count, runnable -> {
            Thread thread = new Thread(runnable, "fixture-lane");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Once the check JVMs are done: the explorations in lanes, then the benchmarks alone. */
    private void gradeWithEngines(ExecutorService checkJvms) {
        try {
            if (!checkJvms.awaitTermination(GRADING_LIMIT_MINUTES * Math.max(1, fixtures.size()), TimeUnit.MINUTES)) {
                throw new IllegalStateException("the fixtures graded side by side did not finish");
            }
            ExecutorService explorations = lanes(lanes);
            withEngines.keySet().stream().filter(f -> !packOf.get(f).isBenchmarked(f)).sorted(Comparator.comparing(
                    Fixture::toString)).forEach(f -> explorations.submit(() -> gradeWithEngines(f)));
            explorations.shutdown();
            explorations.awaitTermination(GRADING_LIMIT_MINUTES * Math.max(1, withEngines.size()), TimeUnit.MINUTES);
            withEngines.keySet().stream().filter(f -> packOf.get(f).isBenchmarked(f))
                    .sorted(Comparator.comparing(Fixture::toString)).forEach(this::gradeWithEngines);
        } catch (InterruptedException | RuntimeException e) {
            withEngines.values().forEach(graded -> graded.completeExceptionally(e));
        }
    }

    private void gradeWithEngines(Fixture fixture) {
        try {
            withEngines.get(fixture).complete(packOf.get(fixture).gradeWithEngines(fixture));
        } catch (RuntimeException e) {
            withEngines.get(fixture).completeExceptionally(e);
        }
    }

    /** The fixtures swept, those needing no engine first, in the order their verdicts are best asked for. */
    public List<Fixture> fixtures() {
        return List.copyOf(fixtures);
    }

    /**
     * What is wrong with {@code fixture}'s grading (empty when it loses what it aims at and keeps the rest): waits for
     * its check JVMs' part and, if it asks for them, its explorations and benchmarks.
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
