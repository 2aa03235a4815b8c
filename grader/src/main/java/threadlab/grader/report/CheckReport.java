package threadlab.grader.report;

/**
 * One check's result.
 *
 * @param status  passed, failed, error, timeout, skipped or inconclusive (awarded, with a note)
 * @param message what went wrong and how to reproduce it; {@code null} when passed or hidden
 * @param hidden  the rubric hides this check's details from students (it still counts)
 */
public record CheckReport(String id, String category, String title, String status, double score, double maxScore,
                          String message, boolean hidden, long durationMs) {

    /** Whether the points were awarded: passed, or inconclusive (a verdict the grader could not trust). */
    public boolean passed() {
        return "passed".equals(status) || "inconclusive".equals(status);
    }
}
