package threadlab.grader.benchmark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.Serializable;
import org.apiguardian.api.API;

/**
 * A CPU-bound task: counting primes by trial division, sized so that one task takes a chosen time on this
 * machine. Serializable, so that a process map can ship it to its workers.
 *
 * @param span how many numbers one task examines
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record CpuWork(int span) implements Serializable {

    private static final int FIRST = 1_000_000;

    /** A task size that takes about {@code targetMillis} here, measured after a short warm-up. */
    public static CpuWork calibrated(double targetMillis) {
        CpuWork probe = new CpuWork(20_000);
        for (int i = 0; i < 5; i++) {
            probe.primes(i);
        }
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            probe.primes(i);
        }
        double perTask = (System.nanoTime() - start) / 1e6 / 5;
        return new CpuWork(Math.max(1_000, (int) (probe.span * targetMillis / Math.max(0.01, perTask))));
    }

    /** Task {@code index}: the number of primes in its own range of {@link #span} numbers. */
    public long primes(int index) {
        long count = 0;
        int from = FIRST + (index % 16) * 7;
        for (int n = from; n < from + span; n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isPrime(int n) {
        if (n % 2 == 0) {
            return n == 2;
        }
        for (int d = 3; (long) d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return n > 1;
    }
}
