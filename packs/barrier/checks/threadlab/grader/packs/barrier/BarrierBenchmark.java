package threadlab.grader.packs.barrier;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import threadlab.barrier.Barrier;
import threadlab.grader.benchmark.Bench;
import threadlab.grader.benchmark.Benchmark;

/**
 * How fast threads meet at the student's barrier, against the JDK's {@code CyclicBarrier}: {@value #PARTIES} threads
 * meet {@value #GENERATIONS} times. Runs in the benchmark sandbox; scored by {@link BarrierPerformance}.
 */
public final class BarrierBenchmark implements Benchmark {

    static final int PARTIES = 4;
    static final int GENERATIONS = 2_000;

    /** One way to wait at a barrier, so both barriers run the very same loop. */
    private interface Meeting {
        void await() throws Exception;
    }

    @Override
    public void run(Bench bench) {
        bench.ratio(BarrierPerformance.GENERATIONS_VS_JDK, () -> meet(jdk()), () -> meet(student()),
                BarrierPerformance.BAND);
    }

    private static void meet(Meeting barrier) throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int t = 0; t < PARTIES; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int generation = 0; generation < GENERATIONS; generation++) {
                        barrier.await();
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    private static Meeting jdk() {
        CyclicBarrier barrier = new CyclicBarrier(PARTIES);
        return barrier::await;
    }

    private static Meeting student() {
        Barrier barrier = new Barrier(PARTIES);
        return barrier::await;
    }
}
