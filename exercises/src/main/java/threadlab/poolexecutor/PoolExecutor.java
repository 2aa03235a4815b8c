package threadlab.poolexecutor;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A pool of worker threads that run submitted tasks. See {@code exercises/guides/5-poolexecutor.md}.
 */
public final class PoolExecutor implements AutoCloseable {

    public PoolExecutor(int workers) {
        throw new UnsupportedOperationException(
                "PoolExecutor(workers): not implemented yet. Reject workers < 1; set up a task queue and (at most) "
                        + "that many worker threads that take tasks from it.");
    }

    public int workers() {
        throw new UnsupportedOperationException("PoolExecutor.workers(): not implemented yet. The number given to the constructor.");
    }

    public <T> TaskFuture<T> submit(Callable<T> task) {
        throw new UnsupportedOperationException(
                "PoolExecutor.submit(callable): not implemented yet. Wrap the task in a TaskFuture, queue it for a "
                        + "worker, and return the future at once; reject it after shutdown().");
    }

    public TaskFuture<Void> submit(Runnable task) {
        throw new UnsupportedOperationException(
                "PoolExecutor.submit(runnable): not implemented yet. Like submit(Callable) with a null result.");
    }

    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<T> items)
            throws InterruptedException, ExecutionException {
        throw new UnsupportedOperationException(
                "PoolExecutor.map(fn, items): not implemented yet. Submit fn(item) for every item, then collect the "
                        + "results in the order of items.");
    }

    public <T, R> List<R> map(Function<? super T, ? extends R> fn, List<T> items, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        throw new UnsupportedOperationException(
                "PoolExecutor.map(fn, items, timeout, unit): not implemented yet. Like map, with one deadline for the "
                        + "whole call; cancel what has not started when it passes.");
    }

    public static <T> Iterable<TaskFuture<T>> asCompleted(Collection<TaskFuture<T>> futures) {
        throw new UnsupportedOperationException(
                "PoolExecutor.asCompleted(futures): not implemented yet. Yield each future once, as it completes; "
                        + "next() waits for the next one (onDone callbacks help).");
    }

    public void shutdown() {
        throw new UnsupportedOperationException(
                "PoolExecutor.shutdown(): not implemented yet. Refuse new tasks, let queued ones finish, and let "
                        + "idle workers end.");
    }

    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        throw new UnsupportedOperationException(
                "PoolExecutor.awaitTermination(timeout, unit): not implemented yet. Wait until every worker thread "
                        + "has ended, or the timeout passes.");
    }

    public boolean isShutdown() {
        throw new UnsupportedOperationException("PoolExecutor.isShutdown(): not implemented yet. Was shutdown() called?");
    }

    public boolean isTerminated() {
        throw new UnsupportedOperationException(
                "PoolExecutor.isTerminated(): not implemented yet. Shut down, and every worker thread has ended?");
    }

    public void close() {
        throw new UnsupportedOperationException(
                "PoolExecutor.close(): not implemented yet. shutdown(), then wait without a time limit.");
    }
}
