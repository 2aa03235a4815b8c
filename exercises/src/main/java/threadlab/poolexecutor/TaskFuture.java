package threadlab.poolexecutor;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The pending result of a task submitted to a {@link PoolExecutor}.
 * See {@code exercises/guides/5-poolexecutor.md}. Add a package-private constructor for the pool to use.
 */
public final class TaskFuture<T> implements Future<T> {

    private TaskFuture() {
        // Replace with a package-private constructor that takes what the future needs (the task?).
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        throw new UnsupportedOperationException(
                "TaskFuture.cancel(mayInterrupt): not implemented yet. Succeeds before the task starts; while it "
                        + "runs, only with mayInterruptIfRunning (interrupt the running thread).");
    }

    @Override
    public boolean isCancelled() {
        throw new UnsupportedOperationException("TaskFuture.isCancelled(): not implemented yet. Was it cancelled?");
    }

    @Override
    public boolean isDone() {
        throw new UnsupportedOperationException(
                "TaskFuture.isDone(): not implemented yet. Completed, failed or cancelled?");
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        throw new UnsupportedOperationException(
                "TaskFuture.get(): not implemented yet. Wait until done; return the result, or throw "
                        + "ExecutionException (the task failed) or CancellationException.");
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        throw new UnsupportedOperationException(
                "TaskFuture.get(timeout, unit): not implemented yet. Like get(), but TimeoutException when time runs out.");
    }

    public boolean isRunning() {
        throw new UnsupportedOperationException("TaskFuture.isRunning(): not implemented yet. Is a worker executing the task now?");
    }

    public Throwable exception() throws InterruptedException {
        throw new UnsupportedOperationException(
                "TaskFuture.exception(): not implemented yet. Wait until done; return what the task threw, or null.");
    }

    public void onDone(Consumer<TaskFuture<T>> callback) {
        throw new UnsupportedOperationException(
                "TaskFuture.onDone(callback): not implemented yet. Run the callback once the future is done "
                        + "(right away if it already is), in the order callbacks were added.");
    }
}
