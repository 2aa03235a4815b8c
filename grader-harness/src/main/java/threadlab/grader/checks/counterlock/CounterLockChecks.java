package threadlab.grader.checks.counterlock;

import static threadlab.grader.checks.support.Verify.that;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import threadlab.counterlock.CounterLock;
import threadlab.counterlock.SharedCounter;
import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.checks.support.Blocking;
import threadlab.grader.checks.support.ForbiddenApis;
import threadlab.grader.checks.support.StressRounds;
import threadlab.grader.checks.support.TimeoutEdges;
import threadlab.grader.checks.support.TimeoutEdges.Timeout;
import threadlab.grader.checks.support.Verify;
import threadlab.grader.checks.support.Visibility;
import threadlab.grader.checks.support.Workers;

/** Checks of {@code threadlab.counterlock}: the hand-made lock and the counter it guards. */
public class CounterLockChecks {

    private static final Duration LIMIT = Duration.ofSeconds(5);
    private final Workers workers = new Workers();

    @AfterEach
    void stopWorkers() {
        workers.close();
    }

    // ---- correctness ----------------------------------------------------------------------------

    @Test
    @Check(id = "counterlock.no-lost-update", category = Category.CORRECTNESS, points = 3,
            title = "No increment or add is lost when many threads update the counter")
    void noLostUpdate() throws Throwable {
        inRounds("counterlock.no-lost-update", this::noLostUpdateRound);
    }

    private void noLostUpdateRound(int threads) throws Throwable {
        SharedCounter counter = new SharedCounter();
        long[] added = new long[threads]; // each worker writes its own slot; read after they ended
        long[] calls = new long[threads];
        workers.repeatFor(ROUND_FOR, threads, "updater", (worker, i) -> {
            if (i % 2 == 0) { // both updates, so that each races the other and itself
                counter.increment();
                added[worker] += 1;
            } else {
                counter.add(3);
                added[worker] += 3;
            }
            calls[worker]++;
        }, LIMIT, threads + " threads updating the counter");
        long expected = LongStream.of(added).sum();
        long actual = counter.get();
        that(actual == expected, "%d threads called increment() and add(3) in turn, %d calls in all: the counter should"
                + " be %d but is %d, so updates worth %d were lost. value += delta is a read, an add and a write; two"
                + " threads that interleave there lose one update. Do all three while holding the lock, in add as in"
                + " increment.", threads, LongStream.of(calls).sum(), expected, actual, expected - actual);
    }

    @Test
    @Check(id = "counterlock.mutual-exclusion", category = Category.CORRECTNESS, points = 3,
            title = "At most one thread holds the lock at a time")
    void mutualExclusion() throws Throwable {
        inRounds("counterlock.mutual-exclusion", this::mutualExclusionRound);
    }

    private void mutualExclusionRound(int threads) throws Throwable {
        CounterLock lock = new CounterLock();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        workers.repeatFor(ROUND_FOR, threads, "locker", (worker, i) -> {
            lock.lock();
            try {
                maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                Thread.onSpinWait();
                inside.decrementAndGet();
            } finally {
                lock.unlock();
            }
        }, LIMIT, threads + " threads taking and releasing the lock");
        that(maxInside.get() == 1, "Up to %d of %d threads were inside lock()/unlock() at the same time; a lock must let "
                + "in only one. Check that testing 'is it free?' and taking it happen as one atomic step.",
                maxInside.get(), threads);
    }

    /**
     * Each stress check runs rounds for {@link StressRounds#BUDGET}, each round this long with 2 to
     * {@link #MAX_THREADS} threads: a slow lock does fewer operations, it is not failed for being slow.
     */
    private static final Duration ROUND_FOR = Duration.ofMillis(250);
    private static final int MAX_THREADS = 8;

    /** Runs {@code round} at least 3 times and for the stress budget, each time with a thread count from the seed. */
    private static void inRounds(String checkId, Round round) throws Throwable {
        StressRounds.atLeast(3).run(checkId, random -> round.run(StressRounds.between(random, 2, MAX_THREADS)));
    }

    @FunctionalInterface
    private interface Round {
        void run(int threads) throws Throwable;
    }

    @Test
    @Check(id = "counterlock.unlock-wakes-waiter", category = Category.CORRECTNESS, points = 2,
            title = "unlock() lets a waiting thread take the lock")
    void unlockWakesWaiter() throws Throwable {
        CounterLock lock = new CounterLock();
        lock.lock();
        CompletableFuture<Boolean> waiter = workers.start("waiter", () -> {
            lock.lock();
            boolean held = lock.isHeldByCurrentThread();
            lock.unlock();
            return held;
        });
        Blocking.awaitWaiting(workers.thread("waiter"), LIMIT, "a second thread calling lock() on a held lock");
        lock.unlock();
        Boolean held = Workers.await(waiter, LIMIT, "the waiting thread, after the lock was released,");
        that(held, "After lock() returned in the waiting thread, isHeldByCurrentThread() was false there.");
    }

    @Property(tries = 150)
    @Check(id = "counterlock.sequential-model", category = Category.CORRECTNESS, points = 2,
            title = "Lock and counter behave like the model in random single-thread sequences")
    void sequentialModel(@ForAll("operations") List<Op> operations) {
        CounterLock lock = new CounterLock();
        SharedCounter counter = new SharedCounter();
        boolean locked = false;
        long value = 0;
        List<Op> done = new ArrayList<>();
        for (Op op : operations) {
            done.add(op);
            switch (op.kind) {
                case TRY_LOCK: {
                    boolean got = lock.tryLock();
                    that(got == !locked, "tryLock() returned %s but the lock was %s. Sequence: %s", got, locked ? "held" : "free", done);
                    locked = true;
                    break;
                }
                case UNLOCK:
                    if (locked) {
                        lock.unlock();
                        locked = false;
                    }
                    break;
                case IS_LOCKED:
                    that(lock.isLocked() == locked, "isLocked() returned %s, expected %s. Sequence: %s", !locked, locked, done);
                    that(lock.isHeldByCurrentThread() == locked, "isHeldByCurrentThread() returned %s, expected %s. Sequence: %s",
                            !locked, locked, done);
                    break;
                case ADD:
                    counter.add(op.delta);
                    value += op.delta;
                    break;
                case INCREMENT:
                    counter.increment();
                    value++;
                    break;
                default:
                    long got = counter.get();
                    that(got == value, "get() returned %d, expected %d. Sequence: %s", got, value, done);
            }
        }
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> op = Arbitraries.oneOf(
                Arbitraries.of(Kind.TRY_LOCK, Kind.UNLOCK, Kind.IS_LOCKED, Kind.INCREMENT, Kind.GET).map(k -> new Op(k, 0)),
                Arbitraries.longs().between(-1_000, 1_000).map(d -> new Op(Kind.ADD, d)));
        return op.list().ofMaxSize(25);
    }

    enum Kind { TRY_LOCK, UNLOCK, IS_LOCKED, INCREMENT, ADD, GET }

    /** One step of a random sequence; its text is what a student sees in a shrunk counterexample. */
    static final class Op {
        final Kind kind;
        final long delta;

        Op(Kind kind, long delta) {
            this.kind = kind;
            this.delta = delta;
        }

        @Override
        public String toString() {
            switch (kind) {
                case TRY_LOCK: return "lock.tryLock()";
                case UNLOCK: return "lock.unlock()";
                case IS_LOCKED: return "lock.isLocked()";
                case INCREMENT: return "counter.increment()";
                case ADD: return "counter.add(" + delta + ")";
                default: return "counter.get()";
            }
        }
    }

    // ---- contract -------------------------------------------------------------------------------

    @Test
    @Check(id = "counterlock.not-reentrant", category = Category.CONTRACT, points = 1,
            title = "lock() by the owner throws IllegalStateException instead of deadlocking")
    void notReentrant() throws Throwable {
        CompletableFuture<Object> relock = workers.start("relocker", () -> {
            CounterLock lock = new CounterLock();
            lock.lock();
            Verify.throwsA(IllegalStateException.class, () -> {
                lock.lock();
                return null;
            }, "Calling lock() twice from the same thread");
            that(lock.isHeldByCurrentThread(), "After the rejected second lock(), the thread should still hold the lock.");
            return null;
        });
        Workers.await(relock, LIMIT, "A thread calling lock() twice (it should throw, not deadlock on itself)");
    }

    @Test
    @Check(id = "counterlock.trylock", category = Category.CONTRACT, points = 1,
            title = "tryLock() takes a free lock and never waits")
    void tryLockSemantics() throws Throwable {
        CounterLock lock = new CounterLock();
        that(lock.tryLock(), "tryLock() on a free lock returned false.");
        that(!lock.tryLock(), "tryLock() by the thread that already holds the lock returned true; it must return false.");
        Boolean other = Workers.await(workers.start("other", lock::tryLock), LIMIT, "tryLock() in another thread");
        that(!other, "tryLock() in another thread returned true while this thread held the lock.");
        lock.unlock();
        that(!lock.isLocked(), "isLocked() is still true after unlock().");
    }

    @Test
    @Check(id = "counterlock.unlock-visible", category = Category.CONTRACT, points = 1,
            title = "A thread that keeps calling isLocked() sees the unlock")
    void unlockVisible() throws Throwable {
        CounterLock lock = new CounterLock();
        lock.lock();
        long deadline = Visibility.deadline();
        CompletableFuture<Long> reader = workers.start("reader", () -> {
            while (lock.isLocked() && System.nanoTime() - deadline < 0) {
                // waits by asking again, as code that polls the lock does
            }
            return System.nanoTime();
        });
        Visibility.Reading reading = Visibility.afterChange(workers.thread("reader"), reader, deadline, LIMIT,
                lock::unlock, "a thread calling isLocked() in a loop");
        that(reading.sawChange(), "A thread that kept calling isLocked() still saw the lock held %.1f s after unlock(). "
                + "%s", reading.secondsAfter(), Visibility.explanation("isLocked()"));
    }

    @Test
    @Check(id = "counterlock.timed-trylock", category = Category.CONTRACT, points = 1,
            title = "tryLock(timeout) waits about the timeout, then returns false")
    void timedTryLock() throws Throwable {
        CounterLock lock = new CounterLock();
        lock.lock();
        TimeoutEdges.eachOverAtOnce(workers, "tryLock on a lock another thread holds", timeout ->
                that(!lock.tryLock(timeout.amount(), timeout.unit()), "tryLock(%s) returned true while another thread "
                        + "held the lock.", timeout));
        CompletableFuture<Long> attempt = workers.start("timed", () -> {
            long start = System.nanoTime();
            boolean got = lock.tryLock(200, TimeUnit.MILLISECONDS);
            that(!got, "tryLock(200 ms) returned true while another thread held the lock.");
            return Verify.millisSince(start);
        });
        long waited = Workers.await(attempt, LIMIT, "tryLock(200 ms) on a held lock");
        that(waited >= 150, "tryLock(200 ms) gave up after only %d ms; it should wait (about) the whole timeout.", waited);

        Timeout endless = TimeoutEdges.ENDLESS;
        CompletableFuture<Boolean> patient = TimeoutEdges.startWaitingEndlessly(workers, "tryLock", "on a held lock", LIMIT,
                lock::tryLock);
        lock.unlock();
        that(Workers.await(patient, LIMIT, "tryLock(" + endless + ") after the lock was released"),
                "tryLock(%s) returned false although the lock was released while it waited.", endless);
    }

    @Test
    @Check(id = "counterlock.timed-trylock-interrupt", category = Category.CONTRACT, points = 1,
            title = "An interrupted tryLock(timeout) throws InterruptedException promptly")
    void timedTryLockInterrupt() throws Throwable {
        CounterLock lock = new CounterLock();
        lock.lock();
        CompletableFuture<Object> waiter = workers.start("waiter", () -> lock.tryLock(30, TimeUnit.SECONDS));
        Thread thread = workers.thread("waiter");
        Blocking.awaitWaiting(thread, LIMIT, "tryLock(30 s) on a held lock");
        long start = System.nanoTime();
        thread.interrupt();
        Workers.awaitThrows(InterruptedException.class, waiter, Duration.ofSeconds(2), "tryLock(30 s) after an interrupt",
                "tryLock(30 s) was interrupted but returned %s instead of throwing InterruptedException.");
        that(Verify.millisSince(start) < 1_000, "tryLock took %d ms to react to the interrupt.", Verify.millisSince(start));
        that(lock.isHeldByCurrentThread(), "The lock changed hands after an interrupted tryLock().");
    }

    @Test
    @Check(id = "counterlock.unlock-by-non-owner", category = Category.CONTRACT, points = 1,
            title = "unlock() by a thread that does not hold the lock throws IllegalMonitorStateException")
    void unlockByNonOwner() throws Throwable {
        CounterLock lock = new CounterLock();
        Verify.throwsA(IllegalMonitorStateException.class, () -> {
            lock.unlock();
            return null;
        }, "unlock() on a free lock");
        lock.lock();
        Workers.await(workers.start("stranger", () -> Verify.throwsA(IllegalMonitorStateException.class, () -> {
            lock.unlock();
            return null;
        }, "unlock() by a thread that does not hold the lock")), LIMIT, "unlock() by a stranger");
        that(lock.isHeldByCurrentThread(), "A stranger's unlock() released the lock of another thread.");
    }

    @Test
    @Check(id = "counterlock.lock-not-interruptible", category = Category.CONTRACT, points = 1,
            title = "lock() keeps waiting when interrupted, and keeps the interrupt flag")
    void lockNotInterruptible() throws Throwable {
        CounterLock lock = new CounterLock();
        lock.lock();
        CompletableFuture<Boolean> waiter = workers.start("waiter", () -> {
            lock.lock();
            boolean flag = Thread.currentThread().isInterrupted();
            lock.unlock();
            return flag;
        });
        Thread thread = workers.thread("waiter");
        Blocking.awaitWaiting(thread, LIMIT, "lock() on a held lock");
        thread.interrupt();
        Blocking.awaitInterruptConsumed(thread);
        that(!waiter.isDone(), "lock() returned (or threw %s) when interrupted; it must keep waiting for the lock.",
                waiter.isCompletedExceptionally() ? "an exception" : "nothing");
        lock.unlock();
        that(Workers.await(waiter, LIMIT, "lock() after the lock was released"),
                "The interrupt that arrived while lock() waited was lost: set the flag again once you have the lock.");
    }

    // ---- blocking -------------------------------------------------------------------------------

    @Test
    @Check(id = "counterlock.lock-blocks", category = Category.BLOCKING, points = 2,
            title = "A thread waiting in lock() blocks instead of spinning")
    void lockBlocks() throws Throwable {
        CounterLock lock = new CounterLock();
        lock.lock();
        Blocking.assertWaitsProperly(workers, "waiter", () -> {
            lock.lock();
            return null;
        }, "a thread in lock() while another holds the lock", "While waiting in lock()");
        lock.unlock();
    }

    @Test
    @Check(id = "counterlock.timed-trylock-blocks", category = Category.BLOCKING, points = 1,
            title = "A thread waiting in tryLock(timeout) blocks instead of spinning")
    void timedTryLockBlocks() throws Throwable {
        CounterLock lock = new CounterLock();
        lock.lock();
        Blocking.assertWaitsProperly(workers, "waiter", () -> lock.tryLock(3, TimeUnit.SECONDS),
                "a thread in tryLock(3 s) while another holds the lock", "While waiting in tryLock(3 s)");
        lock.unlock();
    }

    // ---- policy ---------------------------------------------------------------------------------

    @Test
    @Check(id = "counterlock.policy", category = Category.POLICY, points = 1,
            title = "Uses none of the JDK locks the exercise asks you to build yourself")
    void policy() {
        ForbiddenApis.assertNone(CounterLock::new, ForbiddenApis.find("threadlab.counterlock", c -> true, type ->
                        type.equals("java.util.concurrent.locks.ReentrantLock")
                        || type.equals("java.util.concurrent.locks.ReentrantReadWriteLock")
                        || type.equals("java.util.concurrent.locks.StampedLock")
                        || type.startsWith("java.util.concurrent.locks.AbstractQueuedSynchronizer")
                        || type.startsWith("java.util.concurrent.locks.AbstractQueuedLongSynchronizer")
                        || type.equals("java.util.concurrent.Semaphore")),
                "counterlock may not use ReentrantLock, ReentrantReadWriteLock, StampedLock, AbstractQueued(Long)Synchronizer "
                        + "or Semaphore: the point is to build the lock yourself (synchronized/wait/notify, atomics or LockSupport).");
    }

    @Test
    @Check(id = "counterlock.counter-uses-lock", category = Category.POLICY, points = 1,
            title = "SharedCounter relies on CounterLock, not on atomics")
    void counterUsesTheLock() {
        ForbiddenApis.assertNone(SharedCounter::new, ForbiddenApis.find("threadlab.counterlock", c -> c.equals("SharedCounter"),
                        type -> type.startsWith("java.util.concurrent.atomic.")),
                "SharedCounter may not use java.util.concurrent.atomic: protect the long with your CounterLock.");
    }
}
