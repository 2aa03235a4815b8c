package threadlab.philosophers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import threadlab.TestThreads;

class DiningTableTest {

    private final TestThreads threads = new TestThreads();

    @AfterEach
    void cleanUp() throws InterruptedException {
        threads.close();
    }

    @Test
    void rejectsBadSeatsAndIndices() {
        assertThatThrownBy(() -> new DiningTable(1)).isInstanceOf(IllegalArgumentException.class);
        DiningTable table = new DiningTable(3);
        assertThat(table.seats()).isEqualTo(3);
        assertThatThrownBy(() -> table.dine(3, () -> { })).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> table.dine(-1, () -> { })).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void neighboursNeverEatTogetherAndEveryoneFinishes() throws Exception {
        int seats = 5;
        DiningTable table = new DiningTable(seats);
        AtomicIntegerArray eating = new AtomicIntegerArray(seats);
        AtomicInteger violations = new AtomicInteger();
        List<CompletableFuture<Void>> philosophers = new ArrayList<>();
        for (int p = 0; p < seats; p++) {
            int me = p;
            philosophers.add(threads.run("philosopher-" + p, () -> {
                for (int meal = 0; meal < 2_000; meal++) {
                    table.dine(me, () -> {
                        eating.set(me, 1);
                        if (eating.get((me + 1) % seats) == 1 || eating.get((me + seats - 1) % seats) == 1) {
                            violations.incrementAndGet();
                        }
                        eating.set(me, 0);
                    });
                }
            }));
        }
        CompletableFuture.allOf(philosophers.toArray(CompletableFuture[]::new)).get(25, TimeUnit.SECONDS);
        assertThat(violations.get()).isZero();
    }

    @Test
    void forksArePutDownWhenTheMealThrows() throws Exception {
        DiningTable table = new DiningTable(2);
        assertThatThrownBy(() -> table.dine(0, () -> {
            throw new IllegalStateException("burnt");
        })).hasMessage("burnt");
        threads.run("neighbour", () -> table.dine(1, () -> { })).get(5, TimeUnit.SECONDS);
    }

    @Test
    void anInterruptedPhilosopherLeavesHoldingNoFork() throws Exception {
        DiningTable table = new DiningTable(3);
        CountDownLatch eating = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> holder = threads.run("holder", () -> table.dine(0, () -> {
            eating.countDown();
            awaitUninterruptibly(finish);
        }));
        eating.await();
        CompletableFuture<Void> blocked = threads.run("blocked", () -> table.dine(1, () -> { }));
        TestThreads.awaitBlocked(threads.thread("blocked"));
        threads.thread("blocked").interrupt();
        assertThatThrownBy(() -> blocked.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(InterruptedException.class);
        finish.countDown();
        holder.get(5, TimeUnit.SECONDS);
        // Philosopher 2 shares fork 2 with the interrupted philosopher 1: it must be free.
        threads.run("other", () -> table.dine(2, () -> { })).get(5, TimeUnit.SECONDS);
        threads.run("again", () -> table.dine(1, () -> { })).get(5, TimeUnit.SECONDS);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException ignored) {
                // the test decides when this meal ends
            }
        }
    }
}
