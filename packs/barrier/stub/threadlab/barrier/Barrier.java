package threadlab.barrier;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A reusable barrier: {@code parties} threads wait in {@link #await()} until the last of them arrives, then all go
 * on together, and the barrier is ready for the next round (the next generation). See this pack's README.md.
 */
public final class Barrier {

    public Barrier(int parties) {
        throw new UnsupportedOperationException(
                "Barrier(parties): not implemented yet. Reject parties < 1, then keep the count of arrivals and the "
                        + "current generation.");
    }

    public int parties() {
        throw new UnsupportedOperationException("Barrier.parties(): not implemented yet.");
    }

    public int await() throws InterruptedException, BrokenBarrierException {
        throw new UnsupportedOperationException(
                "Barrier.await(): not implemented yet. Count the arrival; the last one trips the barrier and wakes "
                        + "everybody, the others wait in a loop until their generation has tripped or broken.");
    }

    public int await(long timeout, TimeUnit unit) throws InterruptedException, BrokenBarrierException, TimeoutException {
        throw new UnsupportedOperationException(
                "Barrier.await(timeout, unit): not implemented yet. Like await(), but a wait past the timeout breaks "
                        + "the barrier and throws TimeoutException.");
    }

    public int waiting() {
        throw new UnsupportedOperationException("Barrier.waiting(): not implemented yet.");
    }

    public boolean isBroken() {
        throw new UnsupportedOperationException("Barrier.isBroken(): not implemented yet.");
    }

    public void reset() {
        throw new UnsupportedOperationException(
                "Barrier.reset(): not implemented yet. Break the current generation (its waiters get "
                        + "BrokenBarrierException), then start a fresh one.");
    }

    public void abort() {
        throw new UnsupportedOperationException("Barrier.abort(): not implemented yet. Break the barrier.");
    }
}
