package threadlab.counterlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import threadlab.TestThreads;

class CounterLockTest {

    private final TestThreads threads = new TestThreads();
    private final CounterLock lock = new CounterLock();

    @AfterEach
    void cleanUp() throws InterruptedException {
        threads.close();
    }

    @Test
    void noIncrementIsLostAcrossThreads() throws Exception {
        SharedCounter counter = new SharedCounter();
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<?>[] workers = new CompletableFuture<?>[4];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = threads.run("incrementer-" + t, () -> {
                start.await();
                for (int i = 0; i < 20_000; i++) {
                    counter.increment();
                }
                counter.add(5);
            });
        }
        start.countDown();
        CompletableFuture.allOf(workers).get(20, TimeUnit.SECONDS);
        assertThat(counter.get()).isEqualTo(4 * 20_005L);
    }

    @Test
    void lockIsNotReentrant() {
        lock.lock();
        assertThatThrownBy(lock::lock).isInstanceOf(IllegalStateException.class);
        assertThat(lock.isHeldByCurrentThread()).isTrue();
    }

    @Test
    void tryLockFailsWhileAnyoneHoldsTheLock() throws Exception {
        assertThat(lock.tryLock()).isTrue();
        assertThat(lock.tryLock()).as("held by the caller").isFalse();
        assertThat(threads.start("other", lock::tryLock).get(5, TimeUnit.SECONDS)).as("held by another").isFalse();
        lock.unlock();
        assertThat(lock.isLocked()).isFalse();
    }

    @Test
    void timedTryLockTimesOutAndCanBeInterrupted() throws Exception {
        lock.lock();
        assertThat(threads.start("timed", () -> lock.tryLock(20, TimeUnit.MILLISECONDS)).get(5, TimeUnit.SECONDS)).isFalse();

        CompletableFuture<Boolean> waiter = threads.start("interrupted", () -> lock.tryLock(1, TimeUnit.MINUTES));
        TestThreads.awaitBlocked(threads.thread("interrupted"));
        threads.thread("interrupted").interrupt();
        assertThatThrownBy(() -> waiter.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(InterruptedException.class);
        assertThat(lock.isHeldByCurrentThread()).isTrue();
    }

    @Test
    void unlockByANonOwnerIsRejected() throws Exception {
        assertThatThrownBy(lock::unlock).isInstanceOf(IllegalMonitorStateException.class);
        lock.lock();
        CompletableFuture<Void> stranger = threads.run("stranger", lock::unlock);
        assertThatThrownBy(() -> stranger.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalMonitorStateException.class);
        assertThat(lock.isHeldByCurrentThread()).isTrue();
    }

    @Test
    void lockIgnoresInterruptsButKeepsTheFlag() throws Exception {
        lock.lock();
        CompletableFuture<Boolean> waiter = threads.start("waiter", () -> {
            lock.lock();
            boolean interrupted = Thread.currentThread().isInterrupted();
            lock.unlock();
            return interrupted;
        });
        Thread waiterThread = threads.thread("waiter");
        TestThreads.awaitBlocked(waiterThread);
        waiterThread.interrupt();
        TestThreads.awaitBlocked(waiterThread); // still waiting for the lock, not aborted
        assertThat(waiter).isNotDone();
        lock.unlock();
        assertThat(waiter.get(5, TimeUnit.SECONDS)).as("interrupt flag restored").isTrue();
    }

    @Test
    void unlockWakesABlockedThread() throws Exception {
        lock.lock();
        CompletableFuture<Boolean> waiter = threads.start("waiter", () -> {
            lock.lock();
            boolean held = lock.isHeldByCurrentThread();
            lock.unlock();
            return held;
        });
        TestThreads.awaitBlocked(threads.thread("waiter"));
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        lock.unlock();
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
    }
}
