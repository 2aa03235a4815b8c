package threadlab.grader.report;

import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/**
 * One check's result.
 *
 * @param status  how the check ended (written as its lower-case id, e.g. {@code passed})
 * @param reason  why, typed (written as its lower-case id, e.g. {@code busy_waiting}); {@code none} when passed
 * @param message what went wrong and how to reproduce it; for a passed check, what it covered (an exploration
 *                says how many orders it tried), or {@code null}; {@code null} when hidden
 * @param hidden  the rubric hides this check's details from students (it still counts)
 */
public record CheckReport(String id, String category, String title, CheckStatus status, Reason reason, double score,
                          double maxScore, String message, boolean hidden, long durationMs) {

    /** Whether the points were awarded: passed, or inconclusive (a verdict the grader could not trust). */
    public boolean passed() {
        return status.awarded();
    }

    /** The same result with its details taken out, as students see a hidden check. */
    CheckReport withoutDetails() {
        return new CheckReport(id, category, title, status, reason, score, maxScore, null, hidden, durationMs);
    }
}
