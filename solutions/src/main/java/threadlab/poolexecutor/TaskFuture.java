package threadlab.poolexecutor;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The result of a task submitted to a {@link PoolExecutor}.
 *
 * <p>The state moves one way only: NEW, then RUNNING, then one of COMPLETED, FAILED or CANCELLED
 * (or straight from NEW to CANCELLED). All state lives under this object's monitor; waiters use
 * {@code wait}/{@code notifyAll}, and callbacks always run outside the monitor so that a slow or
 * re-entrant callback cannot block other threads reading the future.
 */
public final class TaskFuture<T> implements Future<T> {

    private enum State { NEW, RUNNING, COMPLETED, FAILED, CANCELLED }

    private final Callable<T> task;
    private State state = State.NEW;     // guarded by this
    private T result;                    // guarded by this
    private Throwable failure;           // guarded by this
    private Thread runner;               // guarded by this; set only while RUNNING

    // Callbacks queue up here; one thread at a time drains them, which keeps them in the order added.
    private final Queue<Consumer<TaskFuture<T>>> pendingCallbacks = new ArrayDeque<>(); // guarded by this
    private boolean drainingCallbacks;                                               // guarded by this

    TaskFuture(Callable<T> task) {
        this.task = task;
    }

    /** Runs the task in the calling worker thread, unless it was cancelled first. */
    void run() {
        synchronized (this) {
            if (state != State.NEW) {
                return; // cancelled before it started: a cancelled task never runs
            }
            state = State.RUNNING;
            runner = Thread.currentThread();
        }
        try {
            finish(State.COMPLETED, task.call(), null);
        } catch (Throwable t) {
            finish(State.FAILED, null, t);
        }
        // A cancel(true) may have interrupted us; the interrupt belongs to that task, not to the next.
        Thread.interrupted();
    }

    private void finish(State outcome, T value, Throwable thrown) {
        synchronized (this) {
            runner = null;
            if (state != State.RUNNING) {
                return; // cancelled while running: that outcome already stands
            }
            state = outcome;
            result = value;
            failure = thrown;
            notifyAll();
        }
        drainCallbacks();
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        synchronized (this) {
            if (state == State.NEW) {
                state = State.CANCELLED;
            } else if (state == State.RUNNING && mayInterruptIfRunning) {
                state = State.CANCELLED;
                runner.interrupt();
            } else {
                return false;
            }
            notifyAll();
        }
        drainCallbacks();
        return true;
    }

    @Override
    public synchronized boolean isCancelled() {
        return state == State.CANCELLED;
    }

    @Override
    public synchronized boolean isDone() {
        return isDoneLocked();
    }

    /** Whether the task is executing right now. */
    public synchronized boolean isRunning() {
        return state == State.RUNNING;
    }

    @Override
    public synchronized T get() throws InterruptedException, ExecutionException {
        while (!isDoneLocked()) {
            wait();
        }
        return outcome();
    }

    @Override
    public synchronized T get(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        awaitDoneLocked(unit.toNanos(timeout));
        return outcome();
    }

    /**
     * Waits until the task is done and returns what it threw, or {@code null} if it completed
     * normally.
     *
     * @throws CancellationException if the task was cancelled
     */
    public synchronized Throwable exception() throws InterruptedException {
        while (!isDoneLocked()) {
            wait();
        }
        if (state == State.CANCELLED) {
            throw new CancellationException("the task was cancelled");
        }
        return failure;
    }

    /**
     * Runs {@code callback} once the future is done: at once, in this thread, if it already is;
     * otherwise in the thread that completes it. Callbacks run in the order they were added; one that
     * throws is reported to the thread's uncaught-exception handler and the others still run.
     */
    public void onDone(Consumer<TaskFuture<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        boolean done;
        synchronized (this) {
            pendingCallbacks.add(callback);
            done = isDoneLocked();
        }
        if (done) {
            drainCallbacks();
        }
    }

    private void drainCallbacks() {
        while (true) {
            Consumer<TaskFuture<T>> next;
            synchronized (this) {
                if (drainingCallbacks || pendingCallbacks.isEmpty()) {
                    return; // another thread is draining and will pick up what we added
                }
                drainingCallbacks = true;
                next = pendingCallbacks.remove();
            }
            try {
                next.accept(this);
            } catch (Throwable t) {
                Thread current = Thread.currentThread();
                current.getUncaughtExceptionHandler().uncaughtException(current, t);
            } finally {
                synchronized (this) {
                    drainingCallbacks = false;
                }
            }
        }
    }

    private boolean isDoneLocked() {
        return state != State.NEW && state != State.RUNNING;
    }

    /** Waits (holding the monitor) until done or until {@code nanos} pass. */
    private void awaitDoneLocked(long nanos) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + nanos;
        while (!isDoneLocked()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new TimeoutException("the task did not finish in time");
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
    }

    private T outcome() throws ExecutionException {
        switch (state) {
            case COMPLETED:
                return result;
            case FAILED:
                throw new ExecutionException(failure);
            case CANCELLED:
                throw new CancellationException("the task was cancelled");
            default:
                throw new AssertionError("not done: " + state);
        }
    }
}
