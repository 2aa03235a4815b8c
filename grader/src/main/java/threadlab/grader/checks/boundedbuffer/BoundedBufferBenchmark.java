package threadlab.grader.checks.boundedbuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import threadlab.boundedbuffer.BoundedBuffer;
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

    /** The two operations a hand-over needs, so both queues run the very same code. */
    private interface Channel {
        void put(Integer item) throws InterruptedException;

        Integer take() throws InterruptedException;
    }

    @Override
    public void run(Bench bench) {
        bench.ratio(THROUGHPUT, () -> handOver(jdk(new ArrayBlockingQueue<>(CAPACITY))),
                () -> handOver(student(new BoundedBuffer<>(CAPACITY))));
    }

    private static void handOver(Channel channel) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PAIRS; p++) {
            threads.add(new Thread(() -> {
                try {
                    for (int i = 0; i < ITEMS_PER_PRODUCER; i++) {
                        channel.put(i);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            threads.add(new Thread(() -> {
                try {
                    for (int i = 0; i < ITEMS_PER_PRODUCER; i++) {
                        channel.take();
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

    private static Channel jdk(BlockingQueue<Integer> queue) {
        return new Channel() {
            public void put(Integer item) throws InterruptedException {
                queue.put(item);
            }

            public Integer take() throws InterruptedException {
                return queue.take();
            }
        };
    }

    private static Channel student(BoundedBuffer<Integer> buffer) {
        return new Channel() {
            public void put(Integer item) throws InterruptedException {
                buffer.put(item);
            }

            public Integer take() throws InterruptedException {
                return buffer.take();
            }
        };
    }
}
