package threadlab.grader.harness;

import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/**
 * One record of the results channel a check JVM writes and the host reads back.
 *
 * <p>The protocol: for each check the host asked for, {@link Type#STARTED} then {@link Type#FINISHED}, one check
 * at a time, each at most once; then one {@link Type#COMPLETED} from the harness once every check ran. The host
 * trusts nothing outside that order (see {@link ResultChannel}).
 *
 * @param sequence   0, 1, 2... in the order written: a record moved or replayed breaks the sequence
 * @param type       what happened
 * @param check      the check id ({@code null} for {@link Type#COMPLETED})
 * @param status     for {@link Type#FINISHED}: how the check ended
 * @param reason     for {@link Type#FINISHED}: why
 * @param message    for {@link Type#FINISHED}: what went wrong, for the student
 * @param durationMs for {@link Type#FINISHED}: how long the check ran
 */
public record CheckEvent(long sequence, Type type, String check, CheckStatus status, Reason reason, String message,
                         long durationMs) {

    /** The kinds of record. */
    public enum Type { STARTED, FINISHED, COMPLETED }

    static CheckEvent started(String check) {
        return new CheckEvent(-1, Type.STARTED, check, null, null, null, 0);
    }

    static CheckEvent finished(String check, CheckStatus status, Reason reason, String message, long durationMs) {
        return new CheckEvent(-1, Type.FINISHED, check, status, reason, message, durationMs);
    }

    static CheckEvent completed() {
        return new CheckEvent(-1, Type.COMPLETED, null, null, null, null, 0);
    }

    CheckEvent numbered(long number) {
        return new CheckEvent(number, type, check, status, reason, message, durationMs);
    }
}
