package threadlab.poolexecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PoolExecutorTest {

    private final PoolExecutor pool = new PoolExecutor(3);

    @AfterEach
    void cleanUp() throws InterruptedException {
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).as("pool terminated").isTrue();
    }

    @Test
    void rejectsFewerThanOneWorker() {
        assertThatThrownBy(() -> new PoolExecutor(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(pool.workers()).isEqualTo(3);
    }

    @Test
    void runsTasksOnAtMostWorkersReusedThreads() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        List<TaskFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                threads.add(Thread.currentThread());
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                LockSupport.parkNanos(1_000_000); // simulated work, so that tasks overlap
                running.decrementAndGet();
                return n * n;
            }));
        }
        for (int i = 0; i < futures.size(); i++) {
            assertThat(futures.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i * i);
        }
        assertThat(maxRunning.get()).isBetween(1, 3);
        assertThat(threads).hasSizeBetween(1, 3);
    }

    @Test
    void mapKeepsInputOrderAndReportsTheFirstFailureInInputOrder() throws Exception {
        List<Integer> items = IntStream.range(0, 50).boxed().collect(Collectors.toList());
        assertThat(pool.map(x -> x * 2, items)).isEqualTo(items.stream().map(x -> x * 2).collect(Collectors.toList()));

        assertThatThrownBy(() -> pool.map(x -> {
            if (x == 7 || x == 30) {
                throw new IllegalArgumentException("bad " + x);
            }
            return x;
        }, items)).isInstanceOf(ExecutionException.class).cause().hasMessage("bad 7");
    }

    @Test
    void timedMapThrowsTimeoutExceptionAndCancelsWhatHasNotStarted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        assertThatThrownBy(() -> pool.map(x -> {
            started.incrementAndGet();
            hold(release);
            return x;
        }, List.of(1, 2, 3, 4, 5, 6), 50, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        release.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(started.get()).as("only the first wave of 3 ran").isEqualTo(3);
    }

    @Test
    void futureStatesFollowTheFutureContract() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<TaskFuture<Void>> blockers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            blockers.add(pool.submit(() -> await(release)));
        }
        AtomicBoolean ran = new AtomicBoolean();
        TaskFuture<Void> queued = pool.submit(() -> ran.set(true));
        assertThat(queued.cancel(false)).isTrue();
        assertThat(queued.isCancelled()).isTrue();
        assertThat(queued.isDone()).isTrue();
        assertThatThrownBy(queued::get).isInstanceOf(CancellationException.class);
        assertThatThrownBy(queued::exception).isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> blockers.get(0).get(10, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        release.countDown();
        for (TaskFuture<Void> blocker : blockers) {
            assertThat(blocker.exception()).isNull();
        }
        TaskFuture<Object> failing = pool.submit(() -> {
            throw new IllegalStateException("boom");
        });
        assertThat(failing.exception()).hasMessage("boom");
        assertThatThrownBy(failing::get).isInstanceOf(ExecutionException.class).cause().hasMessage("boom");
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).isFalse();
    }

    @Test
    void cancelWithInterruptStopsARunningTask() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch neverOpened = new CountDownLatch(1);
        TaskFuture<String> sleeper = pool.submit(() -> {
            started.countDown();
            neverOpened.await(); // only an interrupt ends this task
            return "woke up normally";
        });
        started.await();
        assertThat(sleeper.isRunning()).isTrue();
        assertThat(sleeper.cancel(false)).as("cannot cancel a running task without interrupt").isFalse();
        assertThat(sleeper.cancel(true)).isTrue();
        assertThatThrownBy(sleeper::get).isInstanceOf(CancellationException.class);
        assertThat(pool.submit(() -> "next task").get(5, TimeUnit.SECONDS)).isEqualTo("next task");
    }

    @Test
    void callbacksRunOnceInOrderAndSurviveAThrowingCallback() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TaskFuture<Integer> future = pool.submit(() -> {
            await(release);
            return 42;
        });
        List<String> calls = new CopyOnWriteArrayList<>();
        future.onDone(f -> calls.add("first"));
        future.onDone(f -> {
            throw new IllegalStateException("callback failure is reported, not fatal");
        });
        future.onDone(f -> calls.add("third"));
        release.countDown();
        assertThat(future.get(5, TimeUnit.SECONDS)).isEqualTo(42);
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        Thread caller = Thread.currentThread();
        future.onDone(f -> calls.add("late, in the caller's thread " + (Thread.currentThread() == caller)));
        assertThat(calls).containsExactly("first", "third", "late, in the caller's thread true");
    }

    @Test
    void asCompletedYieldsFuturesInCompletionOrder() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        TaskFuture<String> slow = pool.submit(() -> {
            await(second);
            return "slow";
        });
        TaskFuture<String> fast = pool.submit(() -> {
            await(first);
            return "fast";
        });
        List<String> order = new ArrayList<>();
        first.countDown();
        boolean releasedSecond = false;
        for (TaskFuture<String> done : PoolExecutor.asCompleted(List.of(slow, fast))) {
            order.add(done.get());
            if (!releasedSecond) {
                second.countDown();
                releasedSecond = true;
            }
        }
        assertThat(order).containsExactly("fast", "slow");
    }

    @Test
    void shutdownRejectsNewTasksAndEndsEveryWorker() throws Exception {
        List<Thread> workers = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 6; i++) {
            pool.submit(() -> workers.add(Thread.currentThread()));
        }
        pool.close();
        assertThat(pool.isShutdown()).isTrue();
        assertThat(pool.isTerminated()).isTrue();
        assertThatThrownBy(() -> pool.submit(() -> 1)).isInstanceOf(RejectedExecutionException.class);
        assertThat(workers).hasSize(6).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
    }

    private static Void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never released this task");
        }
        return null;
    }

    /** {@link #await} for functions that may not throw checked exceptions. */
    private static void hold(CountDownLatch latch) {
        try {
            await(latch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
