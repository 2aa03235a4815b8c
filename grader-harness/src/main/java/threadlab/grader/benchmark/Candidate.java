package threadlab.grader.benchmark;

/**
 * An implementation measured against a baseline.
 *
 * @param implementation how the table names it, e.g. {@code PoolExecutor}
 * @param workers        its threads or processes (the x axis of the speed-up chart)
 * @param run            one run of the workload
 */
public record Candidate(String implementation, int workers, Timed run) {
}
