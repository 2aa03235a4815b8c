package threadlab.grader.report;

import java.util.List;

/**
 * One exercise of a graded submission.
 *
 * @param status           {@code graded}, {@code missing}, {@code compile-error} or {@code rejected}
 * @param compilerMessages the compiler's messages ({@code File.java:line: error: ...}), for a compile error
 * @param apiDrift         where the public API differs from the exercise contract
 * @param coverage         what the checks reached of the student's code; {@code null} when not measured
 * @param output           what the student's code printed, truncated; empty when nothing
 * @param benchmark        what its benchmark measured in the sandbox; {@code null} when it has none or it was skipped
 */
public record ExerciseReport(String id, String status, double score, double maxScore, List<CheckReport> checks,
                             List<String> compilerMessages, List<String> apiDrift, CoverageReport coverage,
                             String output, BenchmarkReport benchmark) {

    public static final String GRADED = "graded";
    public static final String MISSING = "missing";
    public static final String COMPILE_ERROR = "compile-error";
    /** The exercise's bytecode uses an API it may not: it was not run. */
    public static final String REJECTED = "rejected";

    ExerciseReport forStudents() {
        return new ExerciseReport(id, status, score, maxScore,
                checks.stream().map(c -> c.hidden() ? c.withoutDetails() : c).toList(),
                compilerMessages, apiDrift, coverage, output, benchmark);
    }
}
