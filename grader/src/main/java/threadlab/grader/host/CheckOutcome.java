package threadlab.grader.host;

import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/** How one check ended, before points are applied: typed status and reason, a message for the student. */
record CheckOutcome(String checkId, CheckStatus status, Reason reason, String message, long durationMs, double fraction) {

    /** An outcome that earns all the points or none, by its status. */
    CheckOutcome(String checkId, CheckStatus status, Reason reason, String message, long durationMs) {
        this(checkId, status, reason, message, durationMs, status.awarded() ? 1 : 0);
    }

    CheckOutcome with(CheckStatus newStatus, Reason newReason, String newMessage) {
        return new CheckOutcome(checkId, newStatus, newReason, newMessage, durationMs);
    }
}
