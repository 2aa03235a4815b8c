package threadlab.grader.checks.poolexecutor;

import static threadlab.grader.checks.support.Verify.that;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.api.Explorer;
import threadlab.grader.checks.support.Interleavings;
import threadlab.grader.checks.support.ModelChecking;
import threadlab.poolexecutor.PoolExecutor;
import threadlab.poolexecutor.TaskFuture;

/**
 * Interleaving scenarios of {@code threadlab.poolexecutor}: races on a future's state explored by vmlens, submitters
 * racing shutdown by Lincheck (under vmlens 1.2.17 two threads submitting to one pool never got past the third
 * interleaving within 20 s).
 */
public class PoolExecutorInterleavings {

    private static final String CANCEL = "poolexecutor.interleaved-cancel-start";
    private static final String ON_DONE = "poolexecutor.interleaved-ondone-completion";
    private static final String SUBMIT_SHUTDOWN = "poolexecutor.interleaved-submit-shutdown";

    @Test
    @Check(id = CANCEL, category = Category.INTERLEAVINGS, points = 3, timeoutSeconds = 20,
            title = "cancel() racing the start of a task: cancelled tasks never run, and the state agrees")
    void interleavedCancelStart() throws Exception {
        Interleavings.explore(CANCEL, 20, () -> {
            AtomicBoolean ran = new AtomicBoolean();
            AtomicBoolean cancelled = new AtomicBoolean();
            TaskFuture<Void> future = withOneWorker(pool -> {
                TaskFuture<Void> submitted = pool.submit(() -> ran.set(true));
                // An unguarded state query races the worker's and cancel's writes (one call: each more multiplies
                // the orders vmlens explores, and three did not end within the scenario's time).
                Interleavings.inParallel("canceller", () -> cancelled.set(submitted.cancel(false)), "observer",
                        submitted::isCancelled);
                return submitted;
            });
            if (cancelled.get()) {
                that(!ran.get(), "cancel(false) returned true, yet the task ran: the worker started it while cancel "
                        + "was deciding. Starting a task and cancelling it must be decided under one lock or one atomic "
                        + "state change.");
                that(future.isCancelled(), "cancel(false) returned true but isCancelled() is false.");
            } else {
                that(ran.get(), "cancel(false) returned false (too late), yet the task never ran.");
                that(!future.isCancelled(), "cancel(false) returned false but isCancelled() is true.");
            }
        });
    }

    @Test
    @Check(id = ON_DONE, category = Category.INTERLEAVINGS, points = 3, timeoutSeconds = 20,
            title = "onDone() racing completion: the callback runs exactly once")
    void interleavedOnDoneCompletion() throws Exception {
        Interleavings.explore(ON_DONE, 15, () -> {
            AtomicInteger calls = new AtomicInteger();
            withOneWorker(pool -> {
                TaskFuture<Integer> future = pool.submit(() -> 42);
                Interleavings.inParallel("registrar", () -> future.onDone(f -> calls.incrementAndGet()),
                        "waiter", () -> future.get(2, TimeUnit.SECONDS));
                return future;
            });
            that(calls.get() == 1, "a callback added with onDone() while the task was completing ran %d times instead of "
                    + "exactly once: adding a callback and completing the future must not both run it (or both skip it).",
                    calls.get());
        });
    }

    @Test
    @Check(id = SUBMIT_SHUTDOWN, category = Category.INTERLEAVINGS, points = 3, timeoutSeconds = 60,
            explorer = Explorer.LINCHECK,
            title = "Two submitters racing shutdown(): in every order each accepted task runs once and its get() returns")
    void interleavedSubmitShutdown(TestReporter reporter) {
        ModelChecking.explore(reporter, 300, () -> {
            PoolExecutor pool = new PoolExecutor(1);
            AtomicIntegerArray runs = new AtomicIntegerArray(2);
            AtomicReferenceArray<Object> results = new AtomicReferenceArray<>(2);
            ModelChecking.inParallel(List.of("submitter-1", "submitter-2", "shutdown"), List.of(
                    () -> results.set(0, submitAndGet(pool, runs, 0)),
                    () -> results.set(1, submitAndGet(pool, runs, 1)),
                    pool::shutdown));
            // No close() or awaitTermination() here: their timed waits may time out at any moment in Lincheck's model.
            for (int task = 0; task < 2; task++) {
                boolean accepted = results.get(task) instanceof Integer;
                that(!accepted || (Integer) results.get(task) == task, "task %d was accepted but get() returned %s "
                        + "instead of %d.", task, results.get(task), task);
                that(runs.get(task) == (accepted ? 1 : 0), "task %d was %s by submit() while another thread called "
                        + "shutdown(), and it ran %d times: a task that submit() accepts runs exactly once (shutdown lets "
                        + "queued tasks finish), one it rejects never runs.", task, accepted ? "accepted" : "rejected",
                        runs.get(task));
            }
        });
    }

    /** Submits task {@code index} (which counts its runs) and waits for it; a rejected task gives its exception. */
    private static Object submitAndGet(PoolExecutor pool, AtomicIntegerArray runs, int index) throws Exception {
        TaskFuture<Integer> future;
        try {
            future = pool.submit(() -> {
                runs.incrementAndGet(index);
                return index;
            });
        } catch (RejectedExecutionException rejected) {
            return rejected;
        }
        return future.get();
    }

    /** Runs {@code scenario} on a new pool of one worker, then shuts the pool down and waits for it. */
    private static <T> T withOneWorker(PoolScenario<T> scenario) throws Exception {
        PoolExecutor pool = new PoolExecutor(1);
        T result;
        try {
            result = scenario.run(pool);
        } finally {
            pool.shutdown();
        }
        that(pool.awaitTermination(2, TimeUnit.SECONDS), "after shutdown() the pool did not terminate within 2 s.");
        return result;
    }

    @FunctionalInterface
    private interface PoolScenario<T> {
        T run(PoolExecutor pool) throws Exception;
    }
}
