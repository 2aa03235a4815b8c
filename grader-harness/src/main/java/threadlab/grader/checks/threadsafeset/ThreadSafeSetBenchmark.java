package threadlab.grader.checks.threadsafeset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import threadlab.grader.benchmark.Band;
import threadlab.grader.benchmark.Bench;
import threadlab.grader.benchmark.Benchmark;
import threadlab.threadsafeset.ThreadSafeSet;

/**
 * Throughput of the student's set under a read-heavy load (nine lookups for every change) from four threads,
 * against a {@code HashSet} behind one mutex. Runs in the sandbox; scored by {@link ThreadSafeSetPerformance}.
 */
public final class ThreadSafeSetBenchmark implements Benchmark {

    static final String READ_HEAVY = "threadsafeset.read-heavy-vs-one-mutex";
    static final int THREADS = 4;
    static final int OPERATIONS_PER_THREAD = 100_000;
    static final int KEYS = 1_024;
    /** Every point from 0.3 of one mutex's speed, none at 0.05: only copying or sleeping on every call falls below. */
    static final Band BAND = new Band(0.3, 0.05);

    /** The three operations of the load, so both sets run the very same code. */
    private interface Operations {
        boolean contains(Integer key);

        boolean add(Integer key);

        boolean remove(Integer key);
    }

    @Override
    public void run(Bench bench) {
        bench.ratio(READ_HEAVY, () -> load(oneMutex()), () -> load(student(new ThreadSafeSet<>())), BAND);
    }

    private static void load(Operations set) throws InterruptedException {
        for (int key = 0; key < KEYS; key += 2) {
            set.add(key);
        }
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            SplittableRandom random = new SplittableRandom(t);
            Thread thread = new Thread(() -> {
                for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
                    Integer key = random.nextInt(KEYS);
                    int kind = random.nextInt(20);
                    if (kind == 0) {
                        set.add(key);
                    } else if (kind == 1) {
                        set.remove(key);
                    } else {
                        set.contains(key);
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
    }

    private static Operations oneMutex() {
        Set<Integer> set = new HashSet<>();
        return new Operations() {
            public synchronized boolean contains(Integer key) {
                return set.contains(key);
            }

            public synchronized boolean add(Integer key) {
                return set.add(key);
            }

            public synchronized boolean remove(Integer key) {
                return set.remove(key);
            }
        };
    }

    private static Operations student(ThreadSafeSet<Integer> set) {
        return new Operations() {
            public boolean contains(Integer key) {
                return set.contains(key);
            }

            public boolean add(Integer key) {
                return set.add(key);
            }

            public boolean remove(Integer key) {
                return set.remove(key);
            }
        };
    }
}
