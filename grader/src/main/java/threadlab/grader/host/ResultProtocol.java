package threadlab.grader.host;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import threadlab.grader.harness.CheckEvent;
import threadlab.grader.harness.ResultChannel;
import threadlab.grader.sandbox.PidsLimit;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/**
 * Turns what one check JVM left — its sealed records and how it ended — into outcomes, accepting records only in
 * protocol order: checks that were asked for, each started and then finished once, one at a time, then the
 * harness's final record. A JVM that ends any other way charges the check it was running with how it ended.
 * Pure: the verdict rules are tested without forking a JVM. Nothing here reads what the JVM printed.
 */
final class ResultProtocol {

    /** Exit code of a JVM started with {@code -XX:+ExitOnOutOfMemoryError} that ran out of heap or threads. */
    static final int OUT_OF_MEMORY_EXIT_CODE = 3;

    private ResultProtocol() {
    }

    /**
     * How the JVM ended.
     *
     * @param exitCode         null if it was killed at its time limit
     * @param taskLimitReached the pids limit refused it a thread or process (the kernel's count)
     * @param tails            the end of its output, appended to a charged check's message
     */
    record JvmEnd(Integer exitCode, boolean taskLimitReached, Duration limit, String tails) {
    }

    /**
     * @param outcomes  the checks this JVM settled; the others are run again in a fresh JVM
     * @param ranNothing the JVM produced no record at all: its checks cannot be retried
     */
    record Interpretation(Map<String, CheckOutcome> outcomes, boolean ranNothing) {
    }

    static Interpretation interpret(List<String> requested, ResultChannel.Reading reading, JvmEnd end) {
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        String running = null;
        boolean inOrder = !reading.tampered();
        boolean completed = false;
        for (CheckEvent event : reading.events()) {
            if (event.type() == CheckEvent.Type.STARTED && running == null && requested.contains(event.check())
                    && seen.add(event.check())) {
                running = event.check();
            } else if (event.type() == CheckEvent.Type.FINISHED && event.check().equals(running)
                    && event.status() != null && event.reason() != null) {
                outcomes.put(running, new CheckOutcome(running, event.status(), event.reason(), event.message(),
                        event.durationMs()));
                running = null;
            } else if (event.type() == CheckEvent.Type.COMPLETED && running == null) {
                completed = true;
                break;
            } else {
                inOrder = false;
                break;
            }
        }
        if (running != null) {
            outcomes.put(running, inOrder ? diedDuring(running, end) : tampered(running));
        } else if (!inOrder) {
            requested.stream().filter(id -> !outcomes.containsKey(id)).findFirst()
                    .ifPresent(id -> outcomes.put(id, tampered(id)));
        } else if (completed) {
            requested.stream().filter(id -> !outcomes.containsKey(id)).forEach(id -> outcomes.put(id,
                    new CheckOutcome(id, CheckStatus.ERROR, Reason.GRADER_ERROR, "The grader did not run this check.", 0)));
        }
        return new Interpretation(outcomes, reading.events().isEmpty() && !reading.tampered());
    }

    private static CheckOutcome tampered(String check) {
        return new CheckOutcome(check, CheckStatus.FAILED, Reason.TAMPERED, "The results of this check JVM were "
                + "written by something other than the grader (records forged, reordered or not asked for), so the "
                + "check was charged. Code under test must never write the grader's results.", 0);
    }

    private static CheckOutcome diedDuring(String check, JvmEnd end) {
        if (end.exitCode() == null) {
            return new CheckOutcome(check, CheckStatus.TIMEOUT, Reason.TIMEOUT, "The check's JVM stopped responding and "
                    + "was killed after " + end.limit().toSeconds() + " s (threads spinning without end can do that)."
                    + end.tails(), 0);
        }
        if (end.taskLimitReached()) {
            return new CheckOutcome(check, CheckStatus.ERROR, Reason.OUT_OF_RESOURCES, "Your code started threads or "
                    + "processes without bound and hit the limit of " + PidsLimit.MAX_TASKS + " for one check: reuse a "
                    + "fixed number of threads instead of starting new ones in a loop." + end.tails(), 0);
        }
        if (end.exitCode() == OUT_OF_MEMORY_EXIT_CODE) {
            return new CheckOutcome(check, CheckStatus.ERROR, Reason.OUT_OF_RESOURCES, "Your code ran out of memory "
                    + "(heap limit " + IsolatedCheckRun.HEAP.substring(4) + "): something allocates without bound, e.g. "
                    + "a queue that is never drained or a list that grows in a loop." + end.tails(), 0);
        }
        return new CheckOutcome(check, CheckStatus.ERROR, Reason.JVM_DIED, "The JVM running this check ended abruptly "
                + "with exit code " + end.exitCode() + ". Does your code call System.exit() or Runtime.halt()? Never "
                + "end the JVM from library code: throw an exception instead." + end.tails(), 0);
    }
}
