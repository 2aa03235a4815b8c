package threadlab.grader.engine;

import threadlab.grader.runner.CheckStatus;

/** How one check ended, before points are applied. */
record CheckOutcome(String checkId, CheckStatus status, String message, long durationMs, double fraction) {

    /** An outcome that earns all the points or none, by its status. */
    CheckOutcome(String checkId, CheckStatus status, String message, long durationMs) {
        this(checkId, status, message, durationMs, status.awarded() ? 1 : 0);
    }

    CheckOutcome with(CheckStatus newStatus, String newMessage) {
        return new CheckOutcome(checkId, newStatus, newMessage, durationMs);
    }
}
