package threadlab.grader.checks.boundedbuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import threadlab.boundedbuffer.BoundedBuffer;
import threadlab.grader.benchmark.Band;
import threadlab.grader.benchmark.Bench;
import threadlab.grader.benchmark.Benchmark;

/**
 * Throughput of the student's buffer against {@code ArrayBlockingQueue} of the same capacity: two producers
 * and two consumers hand over many items. Runs in the sandbox; scored by {@link BoundedBufferPerformance}.
 */
public final class BoundedBufferBenchmark implements Benchmark {

    static final String THROUGHPUT = "boundedbuffer.throughput-vs-array-blocking-queue";
    static final int CAPACITY = 16;
    static final int ITEMS_PER_PRODUCER = 20_000;
    static final int PAIRS = 2;
    /** Every point from 0.3 of ArrayBlockingQueue's throughput, none at 0.05: only waiting badly falls below. */
    static final Band BAND = new Band(0.3, 0.05);

    /** The two operations a hand-over needs, as method references, so both queues run the very same code. */
    private interface Put {
        void put(Integer item) throws InterruptedException;
    }

    private interface Take {
        Integer take() throws InterruptedException;
    }

    @Override
    public void run(Bench bench) {
        bench.ratio(THROUGHPUT, () -> {
            BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(CAPACITY);
            handOver(queue::put, queue::take);
        }, () -> {
            BoundedBuffer<Integer> buffer = new BoundedBuffer<>(CAPACITY);
            handOver(buffer::put, buffer::take);
        }, BAND);
    }

    private static void handOver(Put put, Take take) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PAIRS; p++) {
            threads.add(new Thread(() -> {
                try {
                    for (int i = 0; i < ITEMS_PER_PRODUCER; i++) {
                        put.put(i);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            threads.add(new Thread(() -> {
                try {
                    for (int i = 0; i < ITEMS_PER_PRODUCER; i++) {
                        take.take();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        threads.forEach(t -> t.setDaemon(true));
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
