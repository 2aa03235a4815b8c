package threadlab.grader.benchmark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A candidate a check scores against a reference candidate of the same comparison: {@link Bench#compare} runs
 * the two (and the baseline) until their {@link BenchmarkShare share} is known precisely enough, or precisely
 * enough for its band.
 *
 * <p>Only rounds in which the reference itself reached {@code meaningfulSpeedup} over the baseline count: in a
 * round where the sandbox could not run the work in parallel (a CPU lent elsewhere for a moment), a slow
 * implementation looks as fast as the reference, and that round says nothing.
 *
 * @param band              the band the check scores the share in
 * @param meaningfulSpeedup the reference's speed-up over the baseline from which a round counts
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record ScoredPair(Candidate candidate, Candidate reference, Band band, double meaningfulSpeedup) {

    /** A pair whose rounds count when the reference reached {@link PerformanceScoring#MEANINGFUL_SPEEDUP}. */
    public ScoredPair(Candidate candidate, Candidate reference, Band band) {
        this(candidate, reference, band, PerformanceScoring.MEANINGFUL_SPEEDUP);
    }
}
