package threadlab.grader.report;

import java.util.List;
import threadlab.grader.verdict.Reason;

/**
 * One exercise of a graded submission.
 *
 * @param status           {@code graded}, {@code not-started}, {@code missing}, {@code compile-error} or {@code rejected}
 * @param compilerMessages the compiler's messages ({@code File.java:line: error: ...}), for a compile error
 * @param apiDrift         where the public API differs from the exercise contract
 * @param coverage         what the checks reached of the student's code; {@code null} when not measured
 * @param output           what the student's code printed, truncated; empty when nothing
 * @param benchmark        what its benchmark measured in the sandbox; {@code null} when it has none or it was skipped
 * @param notGraded        files of the exercise's package left out, each with why, e.g.
 *                         {@code CounterLockTest.java (a test)} or {@code Huge.java (over 1 MB)}
 */
public record ExerciseReport(String id, String status, double score, double maxScore, List<CheckReport> checks,
                             List<String> compilerMessages, List<String> apiDrift, CoverageReport coverage,
                             String output, BenchmarkReport benchmark, List<String> notGraded) {

    public ExerciseReport {
        notGraded = notGraded == null ? List.of() : List.copyOf(notGraded); // results written before it existed
    }

    /** The same report, listing the files of the exercise that were left out. */
    public ExerciseReport withNotGraded(List<String> files) {
        return new ExerciseReport(id, status, score, maxScore, checks, compilerMessages, apiDrift, coverage, output,
                benchmark, files);
    }

    public static final String GRADED = "graded";
    /** Graded, and every check ran into the stub's "Not implemented yet" (or could not measure for it). */
    public static final String NOT_STARTED = "not-started";
    public static final String MISSING = "missing";
    public static final String COMPILE_ERROR = "compile-error";
    /** The exercise's bytecode uses an API it may not: it was not run. */
    public static final String REJECTED = "rejected";

    /**
     * The status of an exercise whose checks ran: {@link #NOT_STARTED} when none earned a point and each ran into the
     * stub's "Not implemented yet" (a benchmark then measures nothing), else {@link #GRADED}.
     */
    public static String statusOfRun(List<CheckReport> checks) {
        boolean stubEverywhere = checks.stream().allMatch(c -> c.score() == 0
                && (c.reason() == Reason.NOT_IMPLEMENTED || c.reason() == Reason.NOT_MEASURED))
                && checks.stream().anyMatch(c -> c.reason() == Reason.NOT_IMPLEMENTED);
        return stubEverywhere ? NOT_STARTED : GRADED;
    }

    /** Whether the checks ran: graded or not started. */
    public boolean ran() {
        return GRADED.equals(status) || NOT_STARTED.equals(status);
    }

    ExerciseReport forStudents() {
        return new ExerciseReport(id, status, score, maxScore,
                checks.stream().map(c -> c.hidden() ? c.withoutDetails() : c).toList(),
                compilerMessages, apiDrift, coverage, output, benchmark, notGraded);
    }
}
