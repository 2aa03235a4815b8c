package threadlab.grader.report;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import threadlab.grader.verdict.CheckStatus;

/** What each status other than {@code passed} means, for the statuses a report shows: every format explains them. */
final class StatusLegend {

    private StatusLegend() {
    }

    /** One sentence for {@code status}, or empty for {@code passed}. */
    static String meaning(CheckStatus status) {
        return switch (status) {
            case PASSED -> "";
            case FAILED -> "the check found a bug: its message says what was expected, what happened, and how to "
                    + "reproduce it.";
            case PARTIAL -> "a performance check measured below its full band: some of its points.";
            case TIMEOUT -> "the check did not finish within its time limit: most often a deadlock, or a thread that "
                    + "waits for a wake-up that never comes.";
            case SKIPPED -> "the check did not run: the exercise is missing or does not compile, or earlier checks used "
                    + "up its time budget; the message says which.";
            case INCONCLUSIVE -> "the exploration engine reached its own limit or failed inside itself, so the check "
                    + "could not decide; the points are kept because every correctness check of the exercise passed.";
            case REJECTED -> "the exercise uses an API it may not, so none of its code ran.";
            case ERROR -> "the grader itself failed on this check, not your code: please report it with the message.";
        };
    }

    /**
     * "status: meaning" for each status other than {@code passed} that {@code report} shows, in a fixed order; the
     * checks of an exercise not started are not shown one by one, so they add nothing.
     */
    static List<String> lines(GradeReport report) {
        Set<CheckStatus> shown = EnumSet.noneOf(CheckStatus.class);
        report.exercises().stream().filter(e -> !ExerciseReport.NOT_STARTED.equals(e.status())) // folded to one line
                .forEach(e -> e.checks().forEach(c -> shown.add(c.status())));
        shown.remove(CheckStatus.PASSED);
        return shown.stream().map(s -> s.id() + ": " + meaning(s)).toList();
    }
}
