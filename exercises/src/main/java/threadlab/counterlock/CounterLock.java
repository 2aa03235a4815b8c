package threadlab.counterlock;

import java.util.concurrent.TimeUnit;

/**
 * A non-reentrant lock you build from scratch. See {@code exercises/guides/1-counterlock.md}.
 *
 * <p>Replace each {@code throw} with your implementation. Keep every public signature as it is:
 * the grader calls exactly these.
 */
public final class CounterLock {

    public CounterLock() {
        throw new UnsupportedOperationException(
                "CounterLock(): not implemented yet. Decide what state the lock needs (who owns it?) and initialise it here.");
    }

    public void lock() {
        throw new UnsupportedOperationException(
                "CounterLock.lock(): not implemented yet. Wait (without spinning) until nobody owns the lock, then "
                        + "become the owner; throw IllegalStateException if the caller already owns it.");
    }

    public boolean tryLock() {
        throw new UnsupportedOperationException(
                "CounterLock.tryLock(): not implemented yet. Take the lock only if it is free right now; never wait.");
    }

    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        throw new UnsupportedOperationException(
                "CounterLock.tryLock(timeout, unit): not implemented yet. Like lock(), but give up and return false "
                        + "once the timeout has passed; let an interrupt end the wait.");
    }

    public void unlock() {
        throw new UnsupportedOperationException(
                "CounterLock.unlock(): not implemented yet. Only the owner may unlock "
                        + "(IllegalMonitorStateException otherwise); wake a thread that waits for the lock.");
    }

    public boolean isLocked() {
        throw new UnsupportedOperationException(
                "CounterLock.isLocked(): not implemented yet. Does any thread own the lock right now?");
    }

    public boolean isHeldByCurrentThread() {
        throw new UnsupportedOperationException(
                "CounterLock.isHeldByCurrentThread(): not implemented yet. Is the calling thread the owner?");
    }
}
