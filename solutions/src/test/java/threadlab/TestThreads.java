package threadlab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Threads a test starts, and their clean-up: {@link #close()} interrupts and joins every one, and
 * fails if any survives. Use it in try-with-resources or from an {@code @AfterEach}.
 */
public final class TestThreads implements AutoCloseable {

    private static final Duration JOIN_LIMIT = Duration.ofSeconds(5);
    private final List<Thread> threads = new ArrayList<>();

    /** Starts {@code body} in a new daemon thread; its outcome is in the returned future. */
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
        threads.add(thread);
        thread.start();
        return outcome;
    }

    public CompletableFuture<Void> run(String name, ThrowingRunnable body) {
        return start(name, () -> {
            body.run();
            return null;
        });
    }

    public Thread thread(String name) {
        return threads.stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow();
    }

    /** Waits (bounded) until {@code thread} is parked in a wait, i.e. blocked without burning CPU. */
    public static void awaitBlocked(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(thread.getName() + " did not block; state " + thread.getState());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    @Override
    public void close() throws InterruptedException {
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            thread.join(JOIN_LIMIT.toMillis());
            if (thread.isAlive()) {
                throw new AssertionError(thread.getName() + " is still alive after the test");
            }
        }
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
