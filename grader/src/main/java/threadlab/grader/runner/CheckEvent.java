package threadlab.grader.runner;

/**
 * One line of the event log a forked check JVM writes, and the grader reads back.
 *
 * @param type       {@code started} or {@code finished}
 * @param check      the check id
 * @param status     for {@code finished}: passed, failed, error, timeout or skipped
 * @param message    for {@code finished}: what went wrong, for the student
 * @param durationMs for {@code finished}: how long the check ran
 */
public record CheckEvent(String type, String check, String status, String message, long durationMs) {

    public static final String STARTED = "started";
    public static final String FINISHED = "finished";

    static CheckEvent started(String check) {
        return new CheckEvent(STARTED, check, null, null, 0);
    }

    static CheckEvent finished(String check, CheckStatus status, String message, long durationMs) {
        return new CheckEvent(FINISHED, check, status.id(), message, durationMs);
    }
}
