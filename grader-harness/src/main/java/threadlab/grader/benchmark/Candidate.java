package threadlab.grader.benchmark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * An implementation measured against a baseline.
 *
 * @param implementation how the table names it, e.g. {@code PoolExecutor}
 * @param workers        its threads or processes (the x axis of the speed-up chart)
 * @param run            one run of the workload
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record Candidate(String implementation, int workers, Timed run) {
}
