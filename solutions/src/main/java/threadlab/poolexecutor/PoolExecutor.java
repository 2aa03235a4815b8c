package threadlab.poolexecutor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A fixed-size pool of worker threads that take tasks from one FIFO queue.
 *
 * <p>Workers start lazily, one per submitted task until there are {@code workers} of them, and are
 * then reused for every later task: creating a thread costs far more than handing it a task. The
 * queue, the shutdown flag and the list of workers share one lock; idle workers wait on a condition
 * instead of polling.
 */
public final class PoolExecutor implements AutoCloseable {

    private final int workers;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition taskAvailable = lock.newCondition();
    private final Queue<TaskFuture<?>> queue = new ArrayDeque<>(); // guarded by lock
    private final List<Thread> threads = new ArrayList<>();        // guarded by lock
    private boolean shutdown;                                       // guarded by lock

    public PoolExecutor(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("a pool needs at least 1 worker, was " + workers);
        }
        this.workers = workers;
    }

    public int workers() {
        return workers;
    }

    public <T> TaskFuture<T> submit(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        TaskFuture<T> future = new TaskFuture<>(task);
        lock.lock();
        try {
            if (shutdown) {
                throw new RejectedExecutionException("the pool is shut down: it accepts no new tasks");
            }
            queue.add(future);
            if (threads.size() < workers) {
                startWorker();
            }
            taskAvailable.signal();
        } finally {
            lock.unlock();
        }
        return future;
    }

    public TaskFuture<Void> submit(Runnable task) {
        Objects.requireNonNull(task, "task");
        return submit(() -> {
            task.run();
            return null;
        });
    }

    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<T> items)
            throws InterruptedException, ExecutionException {
        try {
            return map(fn, items, Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("an unbounded map cannot time out", e);
        }
    }

    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<T> items, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(unit, "unit");
        List<TaskFuture<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(submit(() -> fn.apply(item)));
        }
        long deadline = deadlineAfter(unit.toNanos(timeout));
        boolean complete = false;
        try {
            List<R> results = new ArrayList<>(futures.size());
            // Waiting in input order makes the first failure we see the first failing item in input order.
            for (TaskFuture<R> future : futures) {
                results.add(future.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS));
            }
            complete = true;
            return results;
        } finally {
            if (!complete) {
                futures.forEach(f -> f.cancel(false)); // only those not started yet are cancelled
            }
        }
    }

    /**
     * Yields each future once, in the order they complete; the iterator's {@code next()} blocks until
     * the next one is done. If the waiting thread is interrupted, {@code next()} throws an
     * {@link IllegalStateException} and keeps the thread's interrupt status set.
     */
    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        List<TaskFuture<T>> copy = List.copyOf(futures); // rejects nulls
        return () -> new CompletionOrderIterator<>(copy);
    }

    public void shutdown() {
        lock.lock();
        try {
            shutdown = true;
            taskAvailable.signalAll(); // idle workers wake up, see the flag and end
        } finally {
            lock.unlock();
        }
    }

    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = deadlineAfter(unit.toNanos(timeout));
        for (Thread thread : workerThreads()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 && thread.isAlive()) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(remaining, 0));
            if (thread.isAlive()) {
                return false;
            }
        }
        return isShutdown();
    }

    public boolean isShutdown() {
        lock.lock();
        try {
            return shutdown;
        } finally {
            lock.unlock();
        }
    }

    public boolean isTerminated() {
        lock.lock();
        try {
            return shutdown && queue.isEmpty() && threads.stream().noneMatch(Thread::isAlive);
        } finally {
            lock.unlock();
        }
    }

    /** Shuts down, then waits without limit for every task to finish; an interrupt is kept for later. */
    @Override
    public void close() {
        shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (awaitTermination(1, TimeUnit.DAYS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void startWorker() {
        Thread thread = new Thread(this::workLoop, "pool-worker-" + (threads.size() + 1));
        threads.add(thread);
        thread.start();
    }

    private void workLoop() {
        TaskFuture<?> task;
        while ((task = nextTask()) != null) {
            task.run();
        }
    }

    /** The next queued task, or {@code null} once the pool is shut down and the queue is empty. */
    private TaskFuture<?> nextTask() {
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (shutdown) {
                    return null;
                }
                taskAvailable.awaitUninterruptibly(); // a stray interrupt must not kill a worker
            }
            return queue.remove();
        } finally {
            lock.unlock();
        }
    }

    private List<Thread> workerThreads() {
        lock.lock();
        try {
            return List.copyOf(threads);
        } finally {
            lock.unlock();
        }
    }

    /** A {@code nanoTime} deadline; {@code deadline - nanoTime()} stays exact even if the sum wraps. */
    private static long deadlineAfter(long nanos) {
        return System.nanoTime() + nanos;
    }

    /** Hands out futures as their completion callbacks arrive. */
    private static final class CompletionOrderIterator<T> implements Iterator<TaskFuture<T>> {
        private final LinkedBlockingQueue<TaskFuture<T>> completed = new LinkedBlockingQueue<>();
        private final int total;
        private int yielded;

        CompletionOrderIterator(List<TaskFuture<T>> futures) {
            total = futures.size();
            futures.forEach(f -> f.onDone(completed::add));
        }

        @Override
        public boolean hasNext() {
            return yielded < total;
        }

        @Override
        public TaskFuture<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            try {
                TaskFuture<T> next = completed.take();
                yielded++;
                return next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next future to complete", e);
            }
        }
    }
}
