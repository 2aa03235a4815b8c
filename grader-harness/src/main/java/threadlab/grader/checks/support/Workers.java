package threadlab.grader.checks.support;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;

/**
 * Threads a check starts to drive the student's code, with bounded waits that explain a hang.
 *
 * <p>Threads are daemons: one stuck in student code (spinning, deadlocked) cannot be stopped, but it
 * must not keep the JVM alive either. {@link #close()} interrupts them all and waits briefly.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Workers implements AutoCloseable {

    /** How the names of {@linkplain #observe observer} threads begin. */
    public static final String OBSERVER_PREFIX = "observer-";

    private final List<Thread> threads = new ArrayList<>();

    /** Starts {@code body} in a new thread named {@code name}; the future holds its outcome. */
    public <T> CompletableFuture<T> start(String name, Callable<T> body) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                outcome.complete(body.call());
            } catch (Throwable t) {
                outcome.completeExceptionally(t);
            }
        }, name);
        thread.setDaemon(true);
        synchronized (threads) {
            threads.add(thread);
        }
        thread.start();
        return outcome;
    }

    public CompletableFuture<Void> run(String name, ThrowingRunnable body) {
        return start(name, () -> {
            body.run();
            return null;
        });
    }

    /**
     * Starts an observer: a thread of the check that reads the student's object in a loop while others change it.
     * Its name starts with {@link #OBSERVER_PREFIX}, so a hang diagnosis does not take its busy loop for the
     * student's spin.
     */
    public CompletableFuture<Void> observe(String name, ThrowingRunnable body) {
        return run(OBSERVER_PREFIX + name, body);
    }

    public Thread thread(String name) {
        synchronized (threads) {
            return threads.stream().filter(t -> t.getName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no worker named " + name));
        }
    }

    /**
     * Waits for {@code future} at most {@code limit}; on a timeout fails with {@code what} and a
     * diagnosis of where the threads are stuck. Returns the value, or rethrows what the body threw.
     */
    public static <T> T await(CompletableFuture<T> future, Duration limit, String what) throws Throwable {
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " did not finish within " + limit.toMillis() + " ms.\n" + HangDiagnosis.describe());
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    /**
     * Waits for {@code call} like {@link #await} and returns the {@code expected} exception it threw. Fails
     * with {@code ifReturned} (a format whose one {@code %s} is the returned value) if it returned normally;
     * anything else it threw is rethrown.
     */
    public static <X extends Throwable> X awaitThrows(Class<X> expected, CompletableFuture<?> call, Duration limit,
            String what, String ifReturned) throws Throwable {
        Object returned;
        try {
            returned = await(call, limit, what);
        } catch (Throwable thrown) {
            if (expected.isInstance(thrown)) {
                return expected.cast(thrown);
            }
            throw thrown;
        }
        throw new AssertionError(String.format(ifReturned, returned));
    }

    /** Waits for all of {@code futures}, like {@link #await}. */
    public static void awaitAll(List<? extends CompletableFuture<?>> futures, Duration limit, String what) throws Throwable {
        await(CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)), limit, what);
        for (CompletableFuture<?> future : futures) {
            await(future, Duration.ZERO, what); // rethrows the first failure in order
        }
    }

    /**
     * Starts {@code threads} workers named {@code role-0}, {@code role-1}, ... that call {@code body} with their index
     * and an iteration count, over and over, for {@code duration}: a slow but correct implementation does fewer
     * iterations instead of running out of time. Then waits at most {@code limit} for each to finish the iteration
     * it is in; a worker that does not is stuck (the failure names {@code what} and where the threads are), and the
     * first failure of a worker is rethrown.
     */
    public void repeatFor(Duration duration, int threads, String role, Repeated body, Duration limit, String what)
            throws Throwable {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            all.add(run(role + "-" + t, () -> {
                start.await();
                for (long i = 0; !stop.get(); i++) {
                    body.run(worker, i);
                }
            }));
        }
        start.countDown();
        try {
            // Ends early only when a worker failed.
            CompletableFuture.anyOf(all.toArray(CompletableFuture[]::new)).get(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException timeUpOrFailed) {
            // either way: stop the others and report what happened below
        } finally {
            stop.set(true);
        }
        awaitAll(all, limit, what);
    }

    /** One iteration of a worker of {@link #repeatFor}. */
    @FunctionalInterface
    public interface Repeated {
        void run(int worker, long iteration) throws Exception;
    }

    @Override
    public void close() {
        List<Thread> started;
        synchronized (threads) {
            started = new ArrayList<>(threads);
        }
        started.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (Thread thread : started) {
            try {
                TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(1, deadline - System.nanoTime()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
