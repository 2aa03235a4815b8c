package threadlab.barrier;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import threadlab.grader.benchmark.Band;
import threadlab.grader.benchmark.Bench;
import threadlab.grader.benchmark.Benchmark;
import threadlab.grader.benchmark.BenchmarkMain;

/**
 * Attack, in an exercise pack's exercise: the benchmark API a pack's benchmark uses is exported to every module, so
 * in the benchmark JVM this unimplemented barrier's class initializer runs the benchmark entry point a second time,
 * with a benchmark of its own that reports the barrier far faster than the JDK's, into the file the real run keeps
 * its results in, hoping the harness seals them; then it halts the JVM before the real benchmark can write.
 */
public final class Barrier {

    static {
        String[] words = System.getProperty("sun.java.command", "").split(" ");
        String results = words.length > 2 ? words[words.length - 1] : "benchmark.json";
        try {
            System.out.println("ATTACK calls the benchmark entry point");
            BenchmarkMain.main(new String[] {Forged.class.getName(), results});
            System.out.println("ATTACK ran the forged benchmark");
        } catch (Throwable t) {
            System.out.println("ATTACK blocked: " + t);
        }
        // Forged or not, the honest run must not write its own results over the forged ones.
        Runtime.getRuntime().halt(0);
    }

    /** Reports the JDK's barrier taking a second and this one nothing: every point of the throughput band. */
    public static final class Forged implements Benchmark {
        @Override
        public void run(Bench bench) {
            bench.ratio("barrier.generations-vs-cyclicbarrier", () -> Thread.sleep(1_000), () -> { },
                    new Band(0.3, 0.05));
            System.out.println("ATTACK measured the forged ratio");
        }
    }

    public Barrier(int parties) {
        throw new UnsupportedOperationException(
                "Barrier(parties): not implemented yet. Reject parties < 1, then keep the count of arrivals and the "
                        + "current generation.");
    }

    public int parties() {
        throw new UnsupportedOperationException("Barrier.parties(): not implemented yet.");
    }

    public int await() throws InterruptedException, BrokenBarrierException {
        throw new UnsupportedOperationException(
                "Barrier.await(): not implemented yet. Count the arrival; the last one trips the barrier and wakes "
                        + "everybody, the others wait in a loop until their generation has tripped or broken.");
    }

    public int await(long timeout, TimeUnit unit) throws InterruptedException, BrokenBarrierException, TimeoutException {
        throw new UnsupportedOperationException(
                "Barrier.await(timeout, unit): not implemented yet. Like await(), but a wait past the timeout breaks "
                        + "the barrier and throws TimeoutException.");
    }

    public int waiting() {
        throw new UnsupportedOperationException("Barrier.waiting(): not implemented yet.");
    }

    public boolean isBroken() {
        throw new UnsupportedOperationException("Barrier.isBroken(): not implemented yet.");
    }

    public void reset() {
        throw new UnsupportedOperationException(
                "Barrier.reset(): not implemented yet. Break the current generation (its waiters get "
                        + "BrokenBarrierException), then start a fresh one.");
    }

    public void abort() {
        throw new UnsupportedOperationException("Barrier.abort(): not implemented yet. Break the barrier.");
    }
}
