package threadlab.grader.report;

import java.util.List;

/**
 * One exercise of a graded submission.
 *
 * @param status           {@code graded}, {@code missing} or {@code compile-error}
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
}
