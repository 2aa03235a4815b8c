package threadlab.grader.report;

/**
 * One check's result.
 *
 * @param status  passed, failed, error, timeout or skipped
 * @param message what went wrong and how to reproduce it; {@code null} when passed or hidden
 * @param hidden  the rubric hides this check's details from students (it still counts)
 */
public record CheckReport(String id, String category, String title, String status, double score, double maxScore,
                          String message, boolean hidden, long durationMs) {

    public boolean passed() {
        return "passed".equals(status);
    }
}
