package threadlab.grader.benchmark;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One line of the benchmark table: an implementation with some workers on a workload.
 *
 * @param workload       e.g. {@code cpu-bound}
 * @param implementation e.g. {@code PoolExecutor}, or {@code sequential} for the baseline itself
 * @param workers        threads or processes
 * @param medianMs       median time of one run
 * @param speedup        median over the rounds of baseline time / this time, both measured in the same round
 * @param roundSpeedups  the speed-up of each round, to show the spread
 * @param error          why the row has no time (the implementation threw or did not finish), else null
 */
@API(status = INTERNAL, since = "0.2")
public record BenchmarkRow(String workload, String implementation, int workers, double medianMs, double speedup,
                           List<Double> roundSpeedups, String error) {

    /** Speed-up per worker: 1.0 is perfect scaling. */
    public double efficiency() {
        return workers == 0 ? 0 : speedup / workers;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean measured() {
        return error == null;
    }
}
