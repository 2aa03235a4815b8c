package threadlab.counterlock;

import java.util.concurrent.TimeUnit;

/**
 * Attack: a lock with a check-then-act race (it waits for the lock inside the monitor but takes it after leaving),
 * which switches the grader's scheduling noise off before the checks run, hoping that its race stays hidden.
 */
public final class CounterLock {

    static {
        try {
            Class.forName("threadlab.grader.harness.SchedulingNoise").getMethod("off").invoke(null);
            System.out.println("ATTACK switched the noise off");
        } catch (Throwable blocked) {
            System.out.println("ATTACK blocked: " + blocked);
        }
    }

    private Thread owner;

    public void lock() {
        Thread me = Thread.currentThread();
        synchronized (this) {
            while (owner != null) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    me.interrupt();
                }
            }
        }
        owner = me;
    }

    public synchronized boolean tryLock() {
        if (owner != null) {
            return false;
        }
        owner = Thread.currentThread();
        return true;
    }

    public synchronized boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (owner != null) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
        owner = Thread.currentThread();
        return true;
    }

    public synchronized void unlock() {
        if (owner != Thread.currentThread()) {
            throw new IllegalMonitorStateException("unlock() by a thread that does not hold the CounterLock");
        }
        owner = null;
        notifyAll();
    }

    public synchronized boolean isLocked() {
        return owner != null;
    }

    public synchronized boolean isHeldByCurrentThread() {
        return owner == Thread.currentThread();
    }
}
