package threadlab.grader.checks.counterlock;

import static threadlab.grader.checks.support.Verify.that;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import threadlab.counterlock.CounterLock;
import threadlab.counterlock.SharedCounter;
import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.checks.support.Interleavings;

/** Interleaving scenarios of {@code threadlab.counterlock}, explored by vmlens. */
public class CounterLockInterleavings {

    private static final String INCREMENTS = "counterlock.interleaved-increments";
    private static final String TRY_LOCK = "counterlock.interleaved-trylock";

    @Test
    @Check(id = INCREMENTS, category = Category.INTERLEAVINGS, points = 3, timeoutSeconds = 20,
            title = "Two threads incrementing the counter: no update lost in any interleaving")
    void interleavedIncrements() throws Exception {
        Interleavings.explore(INCREMENTS, () -> {
            SharedCounter counter = new SharedCounter();
            AtomicLong seen = new AtomicLong();
            Interleavings.inParallel("incrementer", counter::increment, "incrementer-and-reader", () -> {
                counter.increment();
                seen.set(counter.get());
            });
            long value = counter.get();
            that(value == 2, "two threads each called increment() once on a new SharedCounter, then get() returned %d "
                    + "instead of 2: one update was lost. Both read the old value before either wrote it back.", value);
            that(seen.get() == 1 || seen.get() == 2, "a thread called increment() then get() while another thread called "
                    + "increment(): get() returned %d, but only 1 or 2 are possible.", seen.get());
        });
    }

    @Test
    @Check(id = TRY_LOCK, category = Category.INTERLEAVINGS, points = 3, timeoutSeconds = 20,
            title = "tryLock racing lock/unlock: never two owners, and the lock ends free")
    void interleavedTryLock() throws Exception {
        Interleavings.explore(TRY_LOCK, 30, () -> {
            CounterLock lock = new CounterLock();
            AtomicInteger owners = new AtomicInteger();
            AtomicBoolean overlap = new AtomicBoolean();
            Interleavings.inParallel("locker", () -> {
                lock.lock();
                overlap.compareAndSet(false, owners.incrementAndGet() > 1);
                owners.decrementAndGet();
                lock.unlock();
            }, "try-locker", () -> {
                if (lock.tryLock()) {
                    overlap.compareAndSet(false, owners.incrementAndGet() > 1);
                    owners.decrementAndGet();
                    lock.unlock();
                }
            });
            that(!overlap.get(), "one thread called lock() while another called tryLock(); both held the lock at "
                    + "the same time. Checking that the lock is free and taking it must be one atomic step.");
            that(!lock.isLocked(), "one thread called lock()/unlock() while another called tryLock() (and unlock() "
                    + "when it succeeded); afterwards isLocked() was still true.");
        });
    }
}
