package threadlab.barrier;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A reusable barrier for a fixed number of parties (the reference solution). Each trip starts a new generation;
 * a waiter leaves when its own generation trips or breaks, so a fast thread of the next generation cannot make it
 * miss the trip.
 */
public final class Barrier {

    /** One use of the barrier. Waiters hold on to theirs: a new generation means theirs has tripped. */
    private static final class Generation {
        boolean broken;
    }

    private final int parties;
    private Generation generation = new Generation();
    private int arrived;

    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be at least 1, not " + parties);
        }
        this.parties = parties;
    }

    public int parties() {
        return parties;
    }

    public int await() throws InterruptedException, BrokenBarrierException {
        try {
            return arrive(false, 0);
        } catch (TimeoutException e) {
            throw new IllegalStateException("an untimed wait timed out", e);
        }
    }

    public int await(long timeout, TimeUnit unit) throws InterruptedException, BrokenBarrierException, TimeoutException {
        return arrive(true, unit.toNanos(timeout));
    }

    public synchronized int waiting() {
        return arrived;
    }

    public synchronized boolean isBroken() {
        return generation.broken;
    }

    public synchronized void reset() {
        breakGeneration();
        generation = new Generation();
    }

    public synchronized void abort() {
        breakGeneration();
    }

    private synchronized int arrive(boolean timed, long nanos)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        Generation mine = generation;
        if (mine.broken) {
            throw new BrokenBarrierException();
        }
        if (Thread.interrupted()) {
            breakGeneration();
            throw new InterruptedException();
        }
        int index = parties - 1 - arrived;
        arrived++;
        if (arrived == parties) {
            arrived = 0;
            generation = new Generation();
            notifyAll();
            return 0;
        }
        long deadline = System.nanoTime() + nanos;
        while (true) {
            try {
                if (!timed) {
                    wait();
                } else if (deadline - System.nanoTime() > 0) {
                    TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
                }
            } catch (InterruptedException e) {
                if (mine == generation && !mine.broken) {
                    breakGeneration();
                    throw e;
                }
                Thread.currentThread().interrupt(); // tripped or broken already: keep the interrupt for later
            }
            if (mine.broken) {
                throw new BrokenBarrierException();
            }
            if (mine != generation) {
                return index;
            }
            if (timed && deadline - System.nanoTime() <= 0) {
                breakGeneration();
                throw new TimeoutException();
            }
        }
    }

    /** Breaks the current generation: its waiters leave with BrokenBarrierException. */
    private void breakGeneration() {
        generation.broken = true;
        arrived = 0;
        notifyAll();
    }
}
