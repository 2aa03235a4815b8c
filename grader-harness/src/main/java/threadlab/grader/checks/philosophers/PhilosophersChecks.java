package threadlab.grader.checks.philosophers;

import static threadlab.grader.checks.support.Verify.that;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.checks.support.Blocking;
import threadlab.grader.checks.support.Verify;
import threadlab.grader.checks.support.StressRounds;
import threadlab.grader.checks.support.Workers;
import threadlab.philosophers.DiningTable;

/** Checks of {@code threadlab.philosophers}. */
public class PhilosophersChecks {

    private static final Duration LIMIT = Duration.ofSeconds(8);
    private final Workers workers = new Workers();

    @AfterEach
    void stopWorkers() {
        workers.close();
    }

    /** Seats philosophers who each dine {@code meals} times; meals run {@code meal}. */
    private List<CompletableFuture<Void>> seat(DiningTable table, int meals, MealFactory meal) {
        List<CompletableFuture<Void>> philosophers = new ArrayList<>();
        for (int p = 0; p < table.seats(); p++) {
            int me = p;
            philosophers.add(workers.run("philosopher-" + p, () -> {
                for (int i = 0; i < meals; i++) {
                    table.dine(me, meal.mealFor(me));
                }
            }));
        }
        return philosophers;
    }

    @FunctionalInterface
    private interface MealFactory {
        Runnable mealFor(int philosopher);
    }

    // ---- correctness ----------------------------------------------------------------------------

    @Test
    @Check(id = "philosophers.neighbours-exclusive", category = Category.CORRECTNESS, points = 4,
            title = "Two philosophers who share a fork never eat at the same time")
    void neighboursExclusive() throws Throwable {
        StressRounds.atLeast(3).run("philosophers.neighbours-exclusive",
                random -> neighboursExclusiveRound(StressRounds.between(random, 2, MAX_SEATS)));
    }

    /** The exclusion check dines at tables of 2 to {@link #MAX_SEATS} seats, {@link #ROUND_FOR} each. */
    private static final Duration ROUND_FOR = Duration.ofMillis(250);
    private static final int MAX_SEATS = 8;

    private void neighboursExclusiveRound(int seats) throws Throwable {
        DiningTable table = new DiningTable(seats);
        AtomicIntegerArray eating = new AtomicIntegerArray(seats);
        AtomicReference<String> clash = new AtomicReference<>();
        workers.repeatFor(ROUND_FOR, seats, "philosopher", (me, meal) -> table.dine(me, () -> {
            eating.set(me, 1);
            int left = (me + seats - 1) % seats;
            int right = (me + 1) % seats;
            LockSupport.parkNanos(20_000); // a meal takes a moment: long enough to overlap with a neighbour's
            if (eating.get(left) == 1 || eating.get(right) == 1) {
                clash.compareAndSet(null, "philosopher " + me + " ate while philosopher " + (eating.get(left) == 1 ? left : right)
                        + " also ate");
            }
            eating.set(me, 0);
        }), LIMIT, seats + " philosophers eating for " + ROUND_FOR.toMillis() + " ms");
        that(clash.get() == null, "At a table of %d: %s, but they share a fork. A philosopher must hold both forks for "
                + "the whole meal.", seats, clash.get());
    }

    @Test
    @Check(id = "philosophers.no-deadlock", category = Category.CORRECTNESS, points = 4, timeoutSeconds = 15,
            title = "Hungry philosophers never deadlock")
    void noDeadlock() throws Throwable {
        // Hungry philosophers with instant meals reach for forks as often as possible: if each can grab one
        // fork and wait for the next, a circular wait forms within a few thousand meals. Dining for a fixed
        // time rather than a fixed number of rounds keeps the check as strict on a slow machine as on a fast one.
        dineHungrily(2, Duration.ofMillis(1_500));
        dineHungrily(5, Duration.ofMillis(2_500));
    }

    private void dineHungrily(int seats, Duration dinner) throws Throwable {
        DiningTable table = new DiningTable(seats);
        long end = System.nanoTime() + dinner.toNanos();
        List<CompletableFuture<Void>> philosophers = new ArrayList<>();
        for (int p = 0; p < seats; p++) {
            int me = p;
            philosophers.add(workers.run("philosopher-" + p, () -> {
                while (System.nanoTime() < end) {
                    table.dine(me, Thread::yield);
                }
            }));
        }
        Workers.awaitAll(philosophers, dinner.plus(LIMIT), seats + " hungry philosophers dining without pause for "
                + dinner.toMillis() + " ms (if each grabs one fork and then waits for the next, all wait forever)");
    }

    @Test
    @Check(id = "philosophers.every-philosopher-eats", category = Category.CORRECTNESS, points = 3, timeoutSeconds = 15,
            title = "Every philosopher who wants to eat gets to eat (no starvation)")
    void everyPhilosopherEats() throws Throwable {
        DiningTable table = new DiningTable(5);
        AtomicIntegerArray meals = new AtomicIntegerArray(5);
        AtomicLongArray longestWait = new AtomicLongArray(5);
        AtomicBoolean dinnerTime = new AtomicBoolean(true);
        List<CompletableFuture<Void>> philosophers = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            int me = p;
            philosophers.add(workers.run("philosopher-" + p, () -> {
                while (dinnerTime.get()) {
                    long asked = System.nanoTime();
                    table.dine(me, () -> {
                        if (dinnerTime.get()) { // a meal after the dinner, once the others stopped, does not count
                            longestWait.accumulateAndGet(me, System.nanoTime() - asked, Math::max);
                            meals.incrementAndGet(me);
                        }
                        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
                    });
                }
            }));
        }
        LockSupport.parkNanos(DINNER.toNanos());
        dinnerTime.set(false);
        Workers.awaitAll(philosophers, LIMIT, "5 philosophers finishing their last meal");
        int[] counts = new int[5];
        long[] waits = new long[5];
        for (int p = 0; p < 5; p++) {
            counts[p] = meals.get(p);
            waits[p] = TimeUnit.NANOSECONDS.toMillis(longestWait.get(p));
        }
        int fewest = indexOf(counts, Arrays.stream(counts).min().orElse(0));
        // Starvation is not eating while the others eat on, not eating less: with non-fair locks in resource order,
        // the philosopher next to the reversed one loses most races for their shared fork on two cores (measured
        // here: 38 to 740 meals against 4,300 for the luckiest, single waits up to 1.2 s), yet eats again and again.
        // A starving philosopher eats once before the others are hungry and then not until they stop.
        that(counts[fewest] >= FEWEST_MEALS, "In %d ms of dinner, the philosophers ate %s meals, and the longest wait of"
                + " each between asking for forks and eating was %s ms: philosopher %d ate only %d times while the others"
                + " kept eating (at least %d meals are expected). A philosopher who keeps losing the race for forks"
                + " starves; fair locks, or an arbitrator that serves philosophers in order, prevent it.",
                DINNER.toMillis(), Arrays.toString(counts), Arrays.toString(waits), fewest, counts[fewest], FEWEST_MEALS);
    }

    /** How long the starvation check's philosophers dine. */
    private static final Duration DINNER = Duration.ofMillis(1_500);
    /** The meals during the dinner below which a philosopher starves: a meal every 300 ms at least. */
    private static final int FEWEST_MEALS = 5;

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    @Test
    @Check(id = "philosophers.two-seats", category = Category.CORRECTNESS, points = 1,
            title = "A table of two, who share both forks, works")
    void twoSeats() throws Throwable {
        DiningTable table = new DiningTable(2);
        AtomicInteger eating = new AtomicInteger();
        AtomicInteger maxEating = new AtomicInteger();
        Workers.awaitAll(seat(table, 200, me -> () -> {
            maxEating.accumulateAndGet(eating.incrementAndGet(), Math::max);
            LockSupport.parkNanos(50_000);
            eating.decrementAndGet();
        }), LIMIT, "2 philosophers dining 200 times each");
        that(maxEating.get() == 1, "At a table of two both philosophers share both forks, yet they ate at the same time.");
    }

    @Test
    @Check(id = "philosophers.meal-throws", category = Category.CONTRACT, points = 2,
            title = "When a meal throws, the exception propagates and both forks are put down")
    void mealThrows() throws Throwable {
        DiningTable table = new DiningTable(3);
        IllegalStateException burnt = new IllegalStateException("the soup is burnt");
        IllegalStateException seen = Verify.throwsA(IllegalStateException.class, () -> {
            table.dine(1, () -> {
                throw burnt;
            });
            return null;
        }, "dine(1, meal) where the meal throws");
        that(seen == burnt, "dine() must let the meal's own exception through; it threw %s instead.", seen);
        Workers.awaitAll(List.of(
                workers.run("philosopher-0", () -> table.dine(0, () -> { })),
                workers.run("philosopher-2", () -> table.dine(2, () -> { }))),
                Duration.ofSeconds(2), "the neighbours of a philosopher whose meal threw (were the forks put down?)");
    }

    @Test
    @Check(id = "philosophers.interrupt", category = Category.CONTRACT, points = 2,
            title = "An interrupted philosopher throws InterruptedException and holds no fork")
    void interrupt() throws Throwable {
        // Philosopher 1 (forks 1 and 2) waits while a neighbour eats: first the left one (forks 0, 1), then the
        // right one (forks 2, 3). Whatever the order in which it picks up forks, in one of the two it holds
        // one fork while waiting for the other: after the interrupt, that fork must be free again.
        interruptWhileNeighbourEats(0, 2);
        interruptWhileNeighbourEats(2, 0);
    }

    private void interruptWhileNeighbourEats(int eater, int otherNeighbour) throws Throwable {
        DiningTable table = new DiningTable(4);
        CountDownLatch eating = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> holder = workers.run("philosopher-" + eater, () -> table.dine(eater, () -> {
            eating.countDown();
            awaitQuietly(finish);
        }));
        that(eating.await(5, TimeUnit.SECONDS), "philosopher %d could not start eating at an empty table.", eater);
        String name = "philosopher-1-next-to-" + eater;
        CompletableFuture<Void> blocked = workers.run(name, () -> table.dine(1, () -> { }));
        Thread thread = workers.thread(name);
        Blocking.awaitWaiting(thread, LIMIT, "philosopher 1 waiting for the fork philosopher " + eater + " holds");
        thread.interrupt();
        Workers.awaitThrows(InterruptedException.class, blocked, Duration.ofSeconds(2),
                "philosopher 1, interrupted while waiting for a fork",
                "Philosopher 1, interrupted while waiting for a fork that philosopher " + eater
                        + " held, ate (%s) instead of throwing InterruptedException.");
        finish.countDown();
        Workers.await(holder, LIMIT, "philosopher " + eater);
        // Both forks of philosopher 1 must be free now: philosopher 1's other neighbour needs one of them.
        Workers.await(workers.run("philosopher-" + otherNeighbour + "-after", () -> table.dine(otherNeighbour, () -> { })),
                Duration.ofSeconds(2), "philosopher " + otherNeighbour + ", after philosopher 1 was interrupted "
                        + "(did philosopher 1 keep a fork it had picked up?)");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        awaitQuietly(latch, Duration.ofSeconds(10));
    }

    private static void awaitQuietly(CountDownLatch latch, Duration limit) {
        try {
            latch.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @Check(id = "philosophers.arguments", category = Category.CONTRACT, points = 1,
            title = "seats < 2 and philosopher indices outside the table are rejected")
    void arguments() {
        Verify.throwsA(IllegalArgumentException.class, () -> new DiningTable(1), "new DiningTable(1)");
        DiningTable table = new DiningTable(3);
        that(table.seats() == 3, "seats() returned %d for a table of 3.", table.seats());
        Verify.throwsA(IndexOutOfBoundsException.class, () -> {
            table.dine(3, () -> { });
            return null;
        }, "dine(3, meal) at a table of 3");
        Verify.throwsA(IndexOutOfBoundsException.class, () -> {
            table.dine(-1, () -> { });
            return null;
        }, "dine(-1, meal)");
    }

    // ---- concurrency ----------------------------------------------------------------------------

    @Test
    @Check(id = "philosophers.parallel-meals", category = Category.CONCURRENCY, points = 3,
            title = "Philosophers who share no fork eat at the same time")
    void parallelMeals() throws Throwable {
        // Philosophers 0 and 2 share no fork. Each, once eating, waits (a while, at most) for the other to be eating
        // too: with forks locked one by one they overlap at once, however the threads are scheduled; with one lock
        // around the table the first waits in vain. (Chance overlaps of short meals missed a correct table on a
        // loaded machine.)
        DiningTable table = new DiningTable(5);
        CountDownLatch bothEating = new CountDownLatch(2);
        AtomicInteger eating = new AtomicInteger();
        AtomicInteger maxEating = new AtomicInteger();
        List<CompletableFuture<Void>> philosophers = new ArrayList<>();
        for (int seat : new int[] {0, 2}) {
            philosophers.add(workers.run("philosopher-" + seat, () -> table.dine(seat, () -> {
                maxEating.accumulateAndGet(eating.incrementAndGet(), Math::max);
                bothEating.countDown();
                awaitQuietly(bothEating, OTHER_MEAL_WAIT);
                eating.decrementAndGet();
            })));
        }
        Workers.awaitAll(philosophers, OTHER_MEAL_WAIT.multipliedBy(2).plusSeconds(2),
                "philosophers 0 and 2 of 5, one meal each");
        that(maxEating.get() >= 2, "Philosophers 0 and 2 of a table of 5 share no fork, yet they never ate at the same "
                + "time: while one ate, the other could not start (it waited %d s). A single lock around the whole table "
                + "is safe but serializes every meal. Lock the two forks instead.", OTHER_MEAL_WAIT.toSeconds());
    }

    /** How long a philosopher of {@link #parallelMeals} eats at most, waiting for the other to eat too. */
    private static final Duration OTHER_MEAL_WAIT = Duration.ofSeconds(3);

    // ---- blocking -------------------------------------------------------------------------------

    @Test
    @Check(id = "philosophers.waiting-blocks", category = Category.BLOCKING, points = 2,
            title = "A philosopher waiting for a fork blocks instead of spinning")
    void waitingBlocks() throws Throwable {
        DiningTable table = new DiningTable(3);
        CountDownLatch eating = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        workers.run("philosopher-0", () -> table.dine(0, () -> {
            eating.countDown();
            awaitQuietly(finish);
        }));
        that(eating.await(5, TimeUnit.SECONDS), "philosopher 0 could not start eating at an empty table.");
        try {
            Blocking.assertWaitsProperly(workers, "philosopher-1", () -> {
                table.dine(1, () -> { });
                return null;
            }, "philosopher 1 waiting for a fork", "While waiting for a fork");
        } finally {
            finish.countDown();
        }
    }
}
