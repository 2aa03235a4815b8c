package threadlab.grader.packs.__ID__;

import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import threadlab.__ID__.__CLASS__;
import threadlab.grader.benchmark.Bench;
import threadlab.grader.benchmark.Benchmark;

/**
 * How fast a waiting thread gets through a gate once it opens, against the JDK's {@code CountDownLatch}: two threads
 * play ping-pong {@value #ROUNDS} times, each waiting at a gate the other opens. Runs in the benchmark sandbox, with the
 * student's classes; scored by {@link __CLASS__Performance}. Replace it with what your exercise should do fast.
 */
public final class __CLASS__Benchmark implements Benchmark {

    static final int ROUNDS = 500;

    /** One gate, as either implementation offers it (named apart from the student's class). */
    private interface Turnstile {
        void open();

        void await() throws InterruptedException;
    }

    @Override
    public void run(Bench bench) {
        bench.ratio(__CLASS__Performance.PING_PONG_VS_LATCH, () -> pingPong(__CLASS__Benchmark::latch),
                () -> pingPong(__CLASS__Benchmark::student), __CLASS__Performance.BAND);
    }

    private static void pingPong(Supplier<Turnstile> gates) throws InterruptedException {
        Turnstile[] pings = new Turnstile[ROUNDS];
        Turnstile[] pongs = new Turnstile[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            pings[i] = gates.get();
            pongs[i] = gates.get();
        }
        Thread partner = new Thread(() -> {
            try {
                for (int i = 0; i < ROUNDS; i++) {
                    pings[i].await();
                    pongs[i].open();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        partner.setDaemon(true);
        partner.start();
        for (int i = 0; i < ROUNDS; i++) {
            pings[i].open();
            pongs[i].await();
        }
        partner.join();
    }

    private static Turnstile latch() {
        CountDownLatch latch = new CountDownLatch(1);
        return new Turnstile() {
            public void open() {
                latch.countDown();
            }

            public void await() throws InterruptedException {
                latch.await();
            }
        };
    }

    private static Turnstile student() {
        __CLASS__ gate = new __CLASS__();
        return new Turnstile() {
            public void open() {
                gate.open();
            }

            public void await() throws InterruptedException {
                gate.await();
            }
        };
    }
}
