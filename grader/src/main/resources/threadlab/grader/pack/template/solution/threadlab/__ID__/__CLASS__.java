package threadlab.__ID__;

import java.util.concurrent.TimeUnit;

/** A gate that opens once (the reference solution). */
public final class __CLASS__ {

    private boolean open;

    public __CLASS__() {
    }

    public synchronized void open() {
        open = true;
        notifyAll();
    }

    public synchronized boolean isOpen() {
        return open;
    }

    public synchronized void await() throws InterruptedException {
        while (!open) {
            wait();
        }
    }

    public synchronized boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!open) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
