package threadlab.grader.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import threadlab.grader.rubric.Visibility;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/**
 * One check's result.
 *
 * @param status  how the check ended (written as its lower-case id, e.g. {@code passed})
 * @param reason  why, typed (written as its lower-case id, e.g. {@code busy_waiting}); {@code none} when passed
 * @param message what went wrong and how to reproduce it; for a passed check, what it covered (an exploration
 *                says how many orders it tried), or {@code null}; {@code null} when hidden
 * @param visibility when students see this check's details, as the rubric says (hidden ones still count)
 */
public record CheckReport(String id, String category, String title, CheckStatus status, Reason reason, double score,
                          double maxScore, String message, Visibility visibility, long durationMs) {

    public CheckReport {
        visibility = visibility == null ? Visibility.VISIBLE : visibility; // results written before visibility existed
    }

    /** Whether students may not see the details now: ThreadLab's own reports have no due date. */
    @JsonProperty(value = "hidden", access = JsonProperty.Access.READ_ONLY)
    public boolean hidden() {
        return visibility.hidesDetails();
    }

    /** Whether the points were awarded: passed, or inconclusive (a verdict the grader could not trust). */
    public boolean passed() {
        return status.awarded();
    }

    /** The same result with its details taken out, as students see a hidden check. */
    CheckReport withoutDetails() {
        return new CheckReport(id, category, title, status, reason, score, maxScore, null, visibility, durationMs);
    }
}
