package threadlab.grader.engine;

import threadlab.grader.runner.CheckStatus;

/** How one check ended, before points are applied. */
record CheckOutcome(String checkId, CheckStatus status, String message, long durationMs) {

    CheckOutcome with(CheckStatus newStatus, String newMessage) {
        return new CheckOutcome(checkId, newStatus, newMessage, durationMs);
    }
}
