package threadlab.grader.packs.barrier;

import static threadlab.grader.checks.support.Verify.that;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import threadlab.barrier.Barrier;
import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.checks.support.Blocking;
import threadlab.grader.checks.support.ForbiddenApis;
import threadlab.grader.checks.support.StressRounds;
import threadlab.grader.checks.support.Verify;
import threadlab.grader.checks.support.Visibility;
import threadlab.grader.checks.support.Workers;

/** Checks of {@code threadlab.barrier}: a reusable barrier, its generations, and how it breaks. */
public class BarrierChecks {

    private static final Duration LIMIT = Duration.ofSeconds(5);
    /** How long a check watches for a thread leaving await() early: far longer than a wrong wake-up takes. */
    private static final Duration WATCH = Duration.ofMillis(300);
    private static final int MAX_PARTIES = 8;
    private final Workers workers = new Workers();

    @AfterEach
    void stopWorkers() {
        workers.close();
    }

    // ---- correctness ----------------------------------------------------------------------------

    @Test
    @Check(id = "barrier.releases-together", category = Category.CORRECTNESS, points = 3,
            title = "In every generation, nobody leaves await() before the last party arrives")
    void releasesTogether() throws Throwable {
        StressRounds.atLeast(3).run("barrier.releases-together", random -> {
            int parties = StressRounds.between(random, 2, MAX_PARTIES);
            Generations run = generations(parties, 200);
            String early = run.earlyLeaver.get();
            that(early == null, "%s The barrier let a thread through before its generation was complete. A barrier "
                    + "is reusable: once it trips, counting starts again from zero for the next generation, and a "
                    + "thread waits until its own generation has tripped.", early);
        });
    }

    @Test
    @Check(id = "barrier.arrival-indexes", category = Category.CORRECTNESS, points = 2,
            title = "await() returns each index from parties-1 (first) to 0 (last) once per generation")
    void arrivalIndexes() throws Throwable {
        StressRounds.atLeast(3).run("barrier.arrival-indexes", random -> {
            int parties = StressRounds.between(random, 2, MAX_PARTIES);
            Generations run = generations(parties, 200);
            for (int generation = 0; generation < run.count; generation++) {
                List<Integer> returned = new ArrayList<>();
                for (int index = 0; index < parties; index++) {
                    for (int n = 0; n < run.indexes.get(generation * parties + index); n++) {
                        returned.add(index);
                    }
                }
                that(returned.size() == parties && returned.stream().distinct().count() == parties,
                        "In generation %d of a barrier of %d parties, await() returned the indexes %s. Each generation "
                                + "returns every index from 0 to %d exactly once: parties-1 to the first thread to "
                                + "arrive, 0 to the last (the one that trips the barrier).",
                        generation + 1, parties, returned, parties - 1);
            }
        });
    }

    @Test
    @Check(id = "barrier.spurious-wakeup", category = Category.CORRECTNESS, points = 2,
            title = "A wake-up that is not the barrier tripping lets nobody through")
    void spuriousWakeup() throws Throwable {
        Barrier barrier = new Barrier(2);
        CompletableFuture<Integer> waiter = waitingParty(barrier, "waiter", 1);
        synchronized (barrier) {
            barrier.notifyAll(); // what a spurious wake-up does, on purpose
        }
        boolean leftEarly;
        try {
            waiter.get(WATCH.toMillis(), TimeUnit.MILLISECONDS);
            leftEarly = true;
        } catch (TimeoutException stillWaiting) {
            leftEarly = false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause();
        }
        that(!leftEarly, "A thread waiting in await() of a barrier of 2 parties was woken by a notifyAll() on the "
                + "barrier (as a spurious wake-up would wake it: Java allows wait() to return without any notify) and "
                + "left await() although it was the only party there. Check the condition again after every wake-up, "
                + "in a loop: while (my generation has not tripped and is not broken) wait();");
        Workers.await(workers.start("second-party", barrier::await), LIMIT, "the second party's await()");
        Workers.await(waiter, LIMIT, "the first party's await() once the second arrived");
    }

    // ---- contract -------------------------------------------------------------------------------

    @Test
    @Check(id = "barrier.arguments", category = Category.CONTRACT, points = 1,
            title = "parties < 1 is refused; a new barrier is whole and empty; one party never waits")
    void arguments() throws Throwable {
        Verify.throwsA(IllegalArgumentException.class, () -> new Barrier(0), "new Barrier(0)");
        Verify.throwsA(IllegalArgumentException.class, () -> new Barrier(-3), "new Barrier(-3)");
        Barrier barrier = new Barrier(3);
        that(barrier.parties() == 3, "parties() returned %d for new Barrier(3).", barrier.parties());
        that(barrier.waiting() == 0 && !barrier.isBroken(), "A new barrier says waiting()=%d, isBroken()=%s; expected 0 "
                + "and false.", barrier.waiting(), barrier.isBroken());
        Barrier alone = new Barrier(1);
        for (int round = 1; round <= 2; round++) {
            int index = Workers.await(workers.start("alone-" + round, alone::await), LIMIT,
                    "await() on a barrier of 1 party");
            that(index == 0, "await() on a barrier of 1 party returned %d; the only party is also the last: 0.", index);
        }
    }

    @Test
    @Check(id = "barrier.timeout-breaks", category = Category.CONTRACT, points = 2,
            title = "A timed await() that times out breaks the barrier and wakes the others")
    void timeoutBreaks() throws Throwable {
        Barrier barrier = new Barrier(3);
        CompletableFuture<Integer> patient = waitingParty(barrier, "patient", 1);
        expectThrows(TimeoutException.class, workers.start("hasty", () -> barrier.await(50, TimeUnit.MILLISECONDS)),
                "await(50 ms) with 2 of 3 parties arrived");
        expectThrows(BrokenBarrierException.class, patient,
                "await() of a thread waiting when another thread's await(50 ms) timed out");
        that(barrier.isBroken(), "isBroken() is false after a timed await() timed out.");
        expectThrows(BrokenBarrierException.class, workers.start("late", barrier::await),
                "await() on a broken barrier");
        Barrier fresh = new Barrier(2);
        expectThrows(TimeoutException.class, workers.start("no-time", () -> fresh.await(0, TimeUnit.SECONDS)),
                "await(0 s) with 1 of 2 parties arrived");
        that(fresh.isBroken(), "isBroken() is false after await(0 s) timed out at once.");
    }

    @Test
    @Check(id = "barrier.interrupt-breaks", category = Category.CONTRACT, points = 2,
            title = "Interrupting a waiting thread breaks the barrier and wakes the others")
    void interruptBreaks() throws Throwable {
        Barrier barrier = new Barrier(3);
        CompletableFuture<Integer> first = waitingParty(barrier, "first", 1);
        CompletableFuture<Integer> second = waitingParty(barrier, "second", 2);
        workers.thread("first").interrupt();
        expectThrows(InterruptedException.class, first, "await() of the interrupted thread");
        expectThrows(BrokenBarrierException.class, second,
                "await() of a thread waiting beside a thread that was interrupted");
        that(barrier.isBroken(), "isBroken() is false after a waiting thread was interrupted.");
    }

    @Test
    @Check(id = "barrier.reset", category = Category.CONTRACT, points = 2,
            title = "reset() and abort() wake every waiter with BrokenBarrierException; after reset() the barrier works")
    void reset() throws Throwable {
        Barrier barrier = new Barrier(3);
        List<CompletableFuture<Integer>> waiters = twoWaiting(barrier, "waiter");
        barrier.reset();
        expectAllBroken(waiters, "at reset()");
        that(!barrier.isBroken() && barrier.waiting() == 0, "After reset(): isBroken()=%s, waiting()=%d; expected false "
                + "and 0.", barrier.isBroken(), barrier.waiting());
        Generations again = generations(barrier, 3, 3);
        that(again.earlyLeaver.get() == null, "After reset(): %s", again.earlyLeaver.get());
        List<CompletableFuture<Integer>> aborted = twoWaiting(barrier, "aborted");
        barrier.abort();
        expectAllBroken(aborted, "at abort()");
        that(barrier.isBroken(), "isBroken() is false after abort().");
        barrier.reset();
        that(generations(barrier, 3, 2).earlyLeaver.get() == null && !barrier.isBroken(),
                "After abort() and reset() the barrier did not work as new.");
    }

    /** Two of the barrier's three parties, waiting. */
    private List<CompletableFuture<Integer>> twoWaiting(Barrier barrier, String name) {
        return List.of(waitingParty(barrier, name + "-1", 1), waitingParty(barrier, name + "-2", 2));
    }

    /** Each of {@code waiters} must leave await() with BrokenBarrierException: waking one is not enough. */
    private static void expectAllBroken(List<CompletableFuture<Integer>> waiters, String when) throws Throwable {
        for (int i = 0; i < waiters.size(); i++) {
            expectThrows(BrokenBarrierException.class, waiters.get(i), "await() of waiter " + (i + 1) + " of "
                    + waiters.size() + " " + when + " (a notify() wakes only one of them; notifyAll() wakes every one)");
        }
    }

    @Test
    @Check(id = "barrier.state-visible", category = Category.CONTRACT, points = 1,
            title = "Threads that keep calling isBroken() or waiting() see the change")
    void stateVisible() throws Throwable {
        Barrier broken = new Barrier(2);
        long deadline = Visibility.deadline();
        CompletableFuture<Long> reader = workers.start("broken-reader", () -> {
            while (!broken.isBroken() && System.nanoTime() - deadline < 0) {
                // waits by asking again, as code that watches the barrier does
            }
            return System.nanoTime();
        });
        Visibility.Reading reading = Visibility.afterChange(workers.thread("broken-reader"), reader, deadline, LIMIT,
                broken::abort, "a thread calling isBroken() in a loop");
        that(reading.sawChange(), "A thread that kept calling isBroken() still saw the barrier whole %.1f s after "
                + "abort(). %s", reading.secondsAfter(), Visibility.explanation("isBroken()"));

        Barrier arrivals = new Barrier(2);
        long until = Visibility.deadline();
        CompletableFuture<Long> counter = workers.start("waiting-reader", () -> {
            while (arrivals.waiting() == 0 && System.nanoTime() - until < 0) {
                // waits by asking again
            }
            return System.nanoTime();
        });
        List<CompletableFuture<Integer>> party = new ArrayList<>();
        Visibility.Reading count = Visibility.afterChange(workers.thread("waiting-reader"), counter, until, LIMIT,
                () -> party.add(waitingParty(arrivals, "first-party", 1)), "a thread calling waiting() in a loop");
        that(count.sawChange(), "A thread that kept calling waiting() still saw 0 parties %.1f s after one arrived. %s",
                count.secondsAfter(), Visibility.explanation("waiting()"));
        arrivals.abort();
        expectThrows(BrokenBarrierException.class, party.get(0), "await() of the party waiting at abort()");
    }

    @Test
    @Check(id = "barrier.waiters-block", category = Category.BLOCKING, points = 2,
            title = "A thread waiting in await() blocks instead of spinning")
    void waitersBlock() throws Throwable {
        Barrier barrier = new Barrier(2);
        Blocking.assertWaitsProperly(workers, "waiter", barrier::await, "await() with 1 of 2 parties arrived",
                "While waiting in await()");
        Workers.await(workers.start("second-party", barrier::await), LIMIT, "the second party's await()");
    }

    // ---- policy ---------------------------------------------------------------------------------

    @Test
    @Check(id = "barrier.policy", category = Category.POLICY, points = 1,
            title = "Uses none of the JDK's barriers or latches")
    void policy() {
        ForbiddenApis.assertNone(() -> new Barrier(2), ForbiddenApis.find("threadlab.barrier", c -> true, type ->
                        type.equals("java.util.concurrent.CyclicBarrier") || type.equals("java.util.concurrent.Phaser")
                        || type.equals("java.util.concurrent.CountDownLatch")),
                "barrier may not use CyclicBarrier, Phaser or CountDownLatch: build the barrier yourself.");
    }

    // ---- support --------------------------------------------------------------------------------

    /** Starts a thread named {@code name} that calls await(), the {@code arrived}-th party; returns once it waits. */
    private CompletableFuture<Integer> waitingParty(Barrier barrier, String name, int arrived) {
        CompletableFuture<Integer> call = workers.start(name, barrier::await);
        Blocking.awaitWaiting(workers.thread(name), LIMIT, "await() with " + arrived + " of " + barrier.parties()
                + " parties arrived");
        return call;
    }

    /** Waits for {@code call}, which must throw {@code expected}. */
    private static void expectThrows(Class<? extends Throwable> expected, CompletableFuture<?> call, String what)
            throws Throwable {
        Workers.awaitThrows(expected, call, LIMIT, what, what + " returned %s instead of throwing "
                + expected.getSimpleName() + ".");
    }

    /** What {@link #generations} saw. */
    private static final class Generations {
        final int count;
        /** Per generation and index: how often await() returned that index. */
        final AtomicIntegerArray indexes;
        final AtomicReference<String> earlyLeaver = new AtomicReference<>();

        Generations(int count, int parties) {
            this.count = count;
            this.indexes = new AtomicIntegerArray(count * parties);
        }
    }

    private Generations generations(int parties, int count) throws Throwable {
        return generations(new Barrier(parties), parties, count);
    }

    /**
     * {@code parties} threads pass {@code barrier} {@code count} times. Each counts its arrival at a generation before
     * await() and checks after it that every party had arrived there.
     */
    private Generations generations(Barrier barrier, int parties, int count) throws Throwable {
        Generations seen = new Generations(count, parties);
        AtomicIntegerArray arrived = new AtomicIntegerArray(count);
        List<CompletableFuture<Void>> threads = new ArrayList<>();
        for (int t = 0; t < parties; t++) {
            threads.add(workers.run("party-" + (t + 1), () -> {
                for (int generation = 0; generation < count; generation++) {
                    arrived.incrementAndGet(generation);
                    int index = barrier.await();
                    int there = arrived.get(generation);
                    if (there < parties) {
                        seen.earlyLeaver.compareAndSet(null, String.format("With %d parties, %s left await() of "
                                + "generation %d when only %d of the %d parties had arrived.", parties,
                                Thread.currentThread().getName(), generation + 1, there, parties));
                    }
                    if (index >= 0 && index < parties) {
                        seen.indexes.incrementAndGet(generation * parties + index);
                    }
                }
            }));
        }
        Workers.awaitAll(threads, LIMIT, parties + " threads passing a barrier of " + parties + " parties " + count
                + " times");
        return seen;
    }
}
