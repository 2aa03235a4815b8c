package threadlab.grader.harness;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/**
 * Records the start and end of each check in the results channel, under the watchdog: whichever runner ran it (the
 * JUnit Platform for {@link ForkMain}, a direct call for {@link ScenarioMain}), a check ends with the same event.
 */
final class CheckRecorder {

    private final ResultChannel log;
    private final Watchdog watchdog;
    private final Map<String, Long> startNanos = new HashMap<>();

    CheckRecorder(ResultChannel log, Watchdog watchdog) {
        this.log = log;
        this.watchdog = watchdog;
    }

    void started(CheckDefinition check) {
        startNanos.put(check.id(), System.nanoTime());
        log.write(CheckEvent.started(check.id()));
        watchdog.begin(check.id(), check.timeoutSeconds());
    }

    void skipped(CheckDefinition check, String reason) {
        log.write(CheckEvent.started(check.id()));
        log.write(CheckEvent.finished(check.id(), CheckStatus.SKIPPED, Reason.NOT_APPLICABLE, reason, 0));
    }

    /** A passed check, with what it covered ({@code note}, may be null). */
    void passed(CheckDefinition check, String note) {
        if (watchdog.end()) {
            log.write(CheckEvent.finished(check.id(), CheckStatus.PASSED, Reason.NONE, note, millisSinceStart(check)));
        }
    }

    /** A check that threw {@code thrown}; {@code details} (may be empty) follow the translated message. */
    void failed(CheckDefinition check, Throwable thrown, String details) {
        if (watchdog.end()) {
            FailureTranslator.Verdict verdict = FailureTranslator.translate(thrown);
            log.write(CheckEvent.finished(check.id(), verdict.status(), verdict.reason(), verdict.message() + details,
                    millisSinceStart(check)));
        }
    }

    /** A check that ended without telling why (should not happen; charged to the grader). */
    void endedWithoutReason(CheckDefinition check) {
        if (watchdog.end()) {
            log.write(CheckEvent.finished(check.id(), CheckStatus.ERROR, Reason.GRADER_ERROR,
                    "The check ended without a reason.", millisSinceStart(check)));
        }
    }

    private long millisSinceStart(CheckDefinition check) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos.getOrDefault(check.id(), System.nanoTime()));
    }
}
