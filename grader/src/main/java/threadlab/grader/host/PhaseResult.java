package threadlab.grader.host;

import java.util.Map;
import threadlab.grader.report.BenchmarkReport;
import threadlab.grader.report.CoverageReport;

/**
 * What a {@link Phase} found: an outcome per claimed check, and the reports it may add to the exercise's.
 *
 * @param benchmark the benchmark table, or null
 * @param coverage  the student's code coverage, or null
 */
record PhaseResult(Map<String, CheckOutcome> outcomes, BenchmarkReport benchmark, CoverageReport coverage) {

    PhaseResult {
        outcomes = Map.copyOf(outcomes);
    }

    static PhaseResult of(Map<String, CheckOutcome> outcomes) {
        return new PhaseResult(outcomes, null, null);
    }
}
