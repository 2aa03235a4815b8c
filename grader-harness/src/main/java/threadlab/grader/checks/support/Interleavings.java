package threadlab.grader.checks.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import com.vmlens.api.AllInterleavings;
import com.vmlens.api.AllInterleavingsBuilder;
import org.apiguardian.api.API;
import threadlab.grader.verdict.Reason;

/**
 * Runs a tiny concurrent scenario under every thread interleaving vmlens can reach.
 *
 * <p>The scenario's name is the check's id: the grader finds vmlens' data-race verdicts by that name. Without
 * the vmlens agent (a plain JUnit run) the loop runs the scenario once, so a scenario is also an ordinary test.
 */
@API(status = INTERNAL, since = "0.1")
public final class Interleavings {

    /**
     * vmlens 1.2.17 never ends exploring a spin loop; with this bound it stops with "Maximum Iterations
     * Reached". Tiny scenarios of correct code need far fewer (two threads, two operations each: 8).
     */
    static final int MAXIMUM_ITERATIONS = 30;
    /** A thread of a scenario still running after this long is blocked for good in that interleaving. */
    private static final long JOIN_MILLIS = 3_000;

    private Interleavings() {
    }

    /** One run of the scenario: set up, run the threads, assert the outcome. */
    @FunctionalInterface
    public interface Iteration {
        void run() throws Exception;
    }

    /** Explores {@code iteration} under the interleavings vmlens chooses; fails on the first broken one. */
    public static void explore(String checkId, Iteration iteration) throws Exception {
        explore(checkId, MAXIMUM_ITERATIONS, iteration);
    }

    /** As {@link #explore(String, Iteration)}, with a bound of its own on the interleavings explored. */
    public static void explore(String checkId, int maximumIterations, Iteration iteration) throws Exception {
        int explored = 0;
        try (AllInterleavings all = new AllInterleavingsBuilder().withMaximumIterations(maximumIterations).build(checkId)) {
            while (all.hasNext()) {
                explored++;
                try {
                    iteration.run();
                } catch (AssertionError broken) {
                    Reason reason = broken instanceof ClassifiedFailure ? ((ClassifiedFailure) broken).reason() : Reason.ASSERTION;
                    throw new ClassifiedFailure(reason, "In interleaving " + explored + " that vmlens explored: "
                            + Verify.sentence(broken.getMessage()) + " The vmlens report shows this interleaving step by step.", broken);
                }
            }
        } catch (RuntimeException e) {
            if (thrownByVmlens(e)) {
                throw new ClassifiedFailure(Reason.ENGINE_ERROR, "vmlens failed inside itself while exploring this "
                        + "scenario (" + e + ").", e);
            }
            throw e;
        }
    }

    private static boolean thrownByVmlens(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("com.vmlens.") || type.startsWith("com.anarsoft.") || type.startsWith("org.jgrapht.")) {
                return true;
            }
            if (type.startsWith("threadlab.")) {
                return false;
            }
        }
        return false;
    }

    /**
     * Runs the bodies in parallel threads named {@code names} and waits for all of them; fails if one threw
     * or is still blocked after a generous wait (a deadlock or a lost wake-up in this interleaving).
     */
    public static void inParallel(List<String> names, List<Workers.ThrowingRunnable> bodies) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = started(names, bodies, failure);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_MILLIS);
        List<String> stuck = new ArrayList<>();
        for (Thread thread : threads) {
            TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(1, deadline - System.nanoTime()));
            if (thread.isAlive()) {
                stuck.add(thread.getName() + " (" + thread.getState() + ")");
            }
        }
        if (!stuck.isEmpty()) {
            boolean deadlock = HangDiagnosis.deadlocked();
            threads.forEach(Thread::interrupt);
            throw new ClassifiedFailure(deadlock ? Reason.DEADLOCK : Reason.ASSERTION, "thread(s) " + String.join(", ", stuck)
                    + " never finished: " + (deadlock ? "a deadlock" : "a deadlock, or a wake-up that got lost")
                    + " when the threads ran in this order.");
        }
        rethrow(failure.get());
    }

    /** The bodies, each started in a thread named after it; the first throwable any of them throws goes to {@code failure}. */
    static List<Thread> started(List<String> names, List<Workers.ThrowingRunnable> bodies,
            AtomicReference<Throwable> failure) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            Workers.ThrowingRunnable body = bodies.get(i);
            threads.add(new Thread(() -> {
                try {
                    body.run();
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }, names.get(i)));
        }
        threads.forEach(Thread::start);
        return threads;
    }

    /** Rethrows what a thread of a scenario threw: assertions and "not implemented" as they are, the rest wrapped. */
    static void rethrow(Throwable thrown) {
        if (thrown instanceof AssertionError) {
            throw (AssertionError) thrown;
        }
        if (thrown instanceof UnsupportedOperationException) {
            throw (UnsupportedOperationException) thrown;
        }
        if (thrown != null) {
            throw new AssertionError("a thread of the scenario threw " + thrown, thrown);
        }
    }

    /** Two threads, named {@code first} and {@code second}. */
    public static void inParallel(String first, Workers.ThrowingRunnable a, String second, Workers.ThrowingRunnable b)
            throws InterruptedException {
        inParallel(List.of(first, second), List.of(a, b));
    }
}
