package threadlab.grader.benchmark;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * How fast an implementation ran a workload next to a reference implementation of the same workload, measured
 * round by round in the same JVM: the reference's time over the candidate's. 1.0 means as fast as the
 * reference; it is also the candidate's speed-up as a share of the reference's speed-up, since both divide the
 * same baseline. Only rounds in which the reference reached a meaningful speed-up count ({@link ScoredPair}).
 *
 * @param workload         e.g. {@code io-bound}
 * @param implementation   the scored implementation, e.g. {@code PoolExecutor}
 * @param workers          its workers
 * @param reference        what it is measured against, e.g. {@code ThreadPoolExecutor}
 * @param referenceWorkers the reference's workers
 * @param share            the reference's time over the candidate's in each counted round, with median and interval
 * @param referenceSpeedup the reference's speed-up over the baseline in the counted rounds (in every round when
 *                         none counted)
 * @param rounds           the rounds measured, counted or not
 * @param backgroundCpus   CPUs that work other than the reference's used on average while the reference ran
 *                         (threads alive before it started, processes not the grader's): the student's code
 *                         burning CPU in the background, which slows the reference too
 */
@API(status = INTERNAL, since = "0.2")
public record BenchmarkShare(String workload, String implementation, int workers, String reference, int referenceWorkers,
                             Spread share, Spread referenceSpeedup, int rounds, double backgroundCpus) {

    /** The rounds that counted. */
    public int counted() {
        return share.rounds().size();
    }
}
