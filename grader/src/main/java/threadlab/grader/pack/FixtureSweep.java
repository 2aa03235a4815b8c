package threadlab.grader.pack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * namespaces of its own. The interleaving explorations and benchmarks a fixture asks for are graded when its verdict
 * is asked for, one fixture at a time, once every lane is done: those engines want the machine to themselves.
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
    private final Map<Fixture, Future<Map<String, CheckReport>>> ahead = new HashMap<>();
    private final List<Fixture> fixtures = new ArrayList<>();
    private final ExecutorService lanes;

    private FixtureSweep(int lanes) {
        this.lanes = Executors.newFixedThreadPool(lanes, runnable -> {
            Thread thread = new Thread(runnable, "fixture-lane");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts grading the check JVMs' part of the fixtures of {@code packs} that {@code wanted} accepts: those that
     * need no exploration or benchmark first.
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
        for (Fixture fixture : sweep.fixtures) {
            sweep.ahead.put(fixture, sweep.lanes.submit(() -> sweep.packOf.get(fixture).gradeInCheckJvms(fixture)));
        }
        sweep.lanes.shutdown();
        return sweep;
    }

    /** The fixtures swept, those needing no engine first, in the order their verdicts are best asked for. */
    public List<Fixture> fixtures() {
        return List.copyOf(fixtures);
    }

    /**
     * What is wrong with {@code fixture}'s grading (empty when it loses what it aims at and keeps the rest): waits for
     * its lane, then grades its explorations and benchmarks, if it asks for them, alone.
     */
    public List<String> problemsOf(Fixture fixture) throws InterruptedException {
        return fixture.judge(checksOf(fixture));
    }

    private Map<String, CheckReport> checksOf(Fixture fixture) throws InterruptedException {
        Map<String, CheckReport> checks = new HashMap<>(fromLane(fixture));
        PackVerification pack = packOf.get(fixture);
        if (pack.needsEngines(fixture)) {
            if (!lanes.awaitTermination(GRADING_LIMIT_MINUTES * Math.max(1, ahead.size()), TimeUnit.MINUTES)) {
                throw new IllegalStateException("the fixtures graded side by side did not finish");
            }
            checks.putAll(pack.gradeWithEngines(fixture));
        }
        return checks;
    }

    private Map<String, CheckReport> fromLane(Fixture fixture) throws InterruptedException {
        Future<Map<String, CheckReport>> graded = ahead.get(fixture);
        try {
            return graded.get(GRADING_LIMIT_MINUTES, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            graded.cancel(true);
            throw new IllegalStateException(fixture + " was not graded within " + GRADING_LIMIT_MINUTES + " minutes", e);
        }
    }
}
