package threadlab.grader.benchmark;

/**
 * A candidate a check scores against a reference candidate of the same comparison: {@link Bench#compare} runs
 * the two until their {@link BenchmarkShare share} is known precisely enough, or precisely enough for its band.
 *
 * @param band the band the check scores the share in
 */
public record ScoredPair(Candidate candidate, Candidate reference, Band band) {
}
