package threadlab.counterlock;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A non-reentrant mutual-exclusion lock built on the object's monitor.
 *
 * <p>The only state is the owning thread; every access to it happens while holding this object's
 * monitor, which gives both atomicity (check-then-set is one step) and visibility.
 */
public final class CounterLock {

    /** The thread holding the lock, or {@code null}. Guarded by {@code this}. */
    private Thread owner;

    public CounterLock() {
    }

    public synchronized void lock() {
        Thread me = Thread.currentThread();
        if (owner == me) {
            throw new IllegalStateException("CounterLock is not reentrant: this thread already holds it");
        }
        boolean interrupted = false;
        // A while loop, not an if: after waking, another thread may already have taken the lock.
        while (owner != null) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true; // lock() is not interruptible: remember and keep waiting
            }
        }
        owner = me;
        if (interrupted) {
            me.interrupt();
        }
    }

    public synchronized boolean tryLock() {
        if (owner != null) {
            return false;
        }
        owner = Thread.currentThread();
        return true;
    }

    public synchronized boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(unit, "unit");
        Thread me = Thread.currentThread();
        if (owner == me) {
            return false; // waiting for ourselves could only time out
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (owner != null) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
        owner = me;
        return true;
    }

    public synchronized void unlock() {
        if (owner != Thread.currentThread()) {
            throw new IllegalMonitorStateException("unlock() by a thread that does not hold the CounterLock");
        }
        owner = null;
        // notifyAll, not notify: waiters differ (timed, untimed); a single notify could be taken by a
        // timed waiter that then gives up, leaving an untimed waiter asleep forever (a lost wake-up).
        notifyAll();
    }

    public synchronized boolean isLocked() {
        return owner != null;
    }

    public synchronized boolean isHeldByCurrentThread() {
        return owner == Thread.currentThread();
    }
}
