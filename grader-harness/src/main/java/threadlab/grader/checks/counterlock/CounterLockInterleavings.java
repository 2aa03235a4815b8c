package threadlab.grader.checks.counterlock;

import static threadlab.grader.checks.support.Verify.that;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import threadlab.counterlock.CounterLock;
import threadlab.counterlock.SharedCounter;
import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.api.Explorer;
import threadlab.grader.checks.support.Interleavings;
import threadlab.grader.checks.support.ModelChecking;
import threadlab.grader.checks.support.Workers;

/** Interleaving scenarios of {@code threadlab.counterlock}, explored by vmlens or Lincheck. */
public class CounterLockInterleavings {

    private static final String INCREMENTS = "counterlock.interleaved-increments";
    private static final String TRY_LOCK = "counterlock.interleaved-trylock";
    private static final String LOCK_UNLOCK = "counterlock.interleaved-lock-unlock";

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
    @Check(id = TRY_LOCK, category = Category.INTERLEAVINGS, points = 3, timeoutSeconds = 40,
            explorer = Explorer.LINCHECK,
            title = "tryLock racing lock/unlock: never two owners, and the lock ends free")
    void interleavedTryLock(TestReporter reporter) {
        ModelChecking.explore(reporter, 300, () -> {
            CounterLock lock = new CounterLock();
            AtomicInteger owners = new AtomicInteger();
            AtomicBoolean overlap = new AtomicBoolean();
            ModelChecking.inParallel(List.of("locker", "try-locker"), List.of(() -> {
                lock.lock();
                overlap.compareAndSet(false, owners.incrementAndGet() > 1);
                owners.decrementAndGet();
                lock.unlock();
            }, () -> {
                if (lock.tryLock()) {
                    overlap.compareAndSet(false, owners.incrementAndGet() > 1);
                    owners.decrementAndGet();
                    lock.unlock();
                }
            }));
            that(!overlap.get(), "one thread called lock() while another called tryLock(); both held the lock at "
                    + "the same time. Checking that the lock is free and taking it must be one atomic step.");
            that(!lock.isLocked(), "one thread called lock()/unlock() while another called tryLock() (and unlock() "
                    + "when it succeeded); afterwards isLocked() was still true.");
        });
    }

    @Test
    @Check(id = LOCK_UNLOCK, category = Category.INTERLEAVINGS, points = 3, timeoutSeconds = 40,
            explorer = Explorer.LINCHECK,
            title = "Two threads taking turns with lock()/unlock(): in every order one owner at a time, and nobody left waiting")
    void interleavedLockUnlock(TestReporter reporter) {
        ModelChecking.explore(reporter, 300, () -> {
            CounterLock lock = new CounterLock();
            AtomicInteger owners = new AtomicInteger();
            AtomicBoolean overlap = new AtomicBoolean();
            Workers.ThrowingRunnable turn = () -> {
                lock.lock();
                if (owners.incrementAndGet() > 1) {
                    overlap.set(true);
                }
                owners.decrementAndGet();
                lock.unlock();
            };
            ModelChecking.inParallel(List.of("first", "second"), List.of(turn, turn));
            that(!overlap.get(), "two threads each called lock() then unlock(): both held the lock at the same time. "
                    + "Checking that the lock is free and taking it must be one atomic step (inside the same "
                    + "synchronized block).");
            that(!lock.isLocked(), "two threads each called lock() then unlock(); afterwards isLocked() was still true.");
        });
    }
}
