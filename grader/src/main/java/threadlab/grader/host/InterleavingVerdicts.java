package threadlab.grader.host;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import threadlab.grader.interleavings.ExploredScenario;
import threadlab.grader.interleavings.RaceAccess;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/**
 * The verdict rules of an explored scenario, from typed facts only: how the scenario's JVM ended (status and
 * reason), vmlens' own analysis of it, the races the bytecode confirms, and whether the exercise's correctness
 * checks passed. The README's table of vmlens verdicts is this class.
 *
 * <ul>
 *   <li>a failed assertion in an explored interleaving fails the scenario (with any confirmed race noted);</li>
 *   <li>a data race the bytecode confirms fails it, whether or not the exploration finished;</li>
 *   <li>an engine error or a time-out is inconclusive: the points are kept only when every correctness check of the
 *       exercise passed, since nothing else vouches for the code;</li>
 *   <li>otherwise the scenario's own outcome stands; a pass says how many orders were explored, all of them or up to
 *       the bound the scenario set.</li>
 * </ul>
 */
final class InterleavingVerdicts {

    private InterleavingVerdicts() {
    }

    static CheckOutcome verdict(CheckOutcome outcome, Optional<ExploredScenario> scenario, String analysisError,
            List<RaceAccess> confirmed, boolean correctnessPassed) {
        String where = scenario.map(s -> reportLink(s, confirmed)).orElse("");
        if (outcome.status() == CheckStatus.FAILED) {
            Reason reason = confirmed.isEmpty() ? outcome.reason() : Reason.DATA_RACE;
            return outcome.with(CheckStatus.FAILED, reason, outcome.message() + raceNote(confirmed) + where);
        }
        if (!confirmed.isEmpty()) {
            return outcome.with(CheckStatus.FAILED, Reason.DATA_RACE, raceMessage(confirmed) + where);
        }
        if (outcome.reason() == Reason.ENGINE_ERROR) {
            return inconclusive(outcome, Reason.ENGINE_ERROR, "vmlens failed inside itself while exploring this scenario ("
                    + outcome.message() + ")", correctnessPassed);
        }
        if (outcome.status() == CheckStatus.TIMEOUT) {
            return inconclusive(outcome, Reason.ENGINE_LIMIT, "vmlens did not finish exploring this scenario in time. "
                    + "A thread that spins (a busy while loop on a flag) makes the exploration endless; if your code has "
                    + "one, make it block instead", correctnessPassed);
        }
        if (outcome.status() != CheckStatus.PASSED) {
            return outcome;
        }
        if (analysisError != null) {
            return inconclusive(outcome, Reason.ENGINE_ERROR, "every explored interleaving ended correctly, but the "
                    + "data-race analysis failed: " + analysisError, correctnessPassed);
        }
        return scenario.map(s -> outcome.with(CheckStatus.PASSED, Reason.NONE, passNote(s) + where)).orElse(outcome);
    }

    /**
     * The verdict of a scenario Lincheck explored: its own outcome, except that Lincheck failing inside itself or
     * running out of time is inconclusive (points kept only when every correctness check passed).
     */
    static CheckOutcome modelChecked(CheckOutcome outcome, boolean correctnessPassed) {
        if (outcome.reason() == Reason.ENGINE_ERROR) {
            return inconclusive(outcome, Reason.ENGINE_ERROR, outcome.message().replaceFirst("\\.$", ""), correctnessPassed);
        }
        if (outcome.status() == CheckStatus.TIMEOUT) {
            return inconclusive(outcome, Reason.ENGINE_LIMIT, "Lincheck did not finish exploring this scenario in time",
                    correctnessPassed);
        }
        return outcome;
    }

    /** Every scenario is charged: vmlens cannot explore a thread that spins (it never ends). */
    static CheckOutcome busyWaiting(String checkId, String spinningCheck) {
        return new CheckOutcome(checkId, CheckStatus.FAILED, Reason.BUSY_WAITING, "Not explored: the check "
                + spinningCheck + " found busy waiting, and vmlens cannot explore a thread that spins (the exploration "
                + "never ends). Make waiting threads block (wait/notifyAll, a Condition, LockSupport.park), then this "
                + "scenario runs.", 0);
    }

    private static CheckOutcome inconclusive(CheckOutcome outcome, Reason reason, String why, boolean correctnessPassed) {
        if (correctnessPassed) {
            return outcome.with(CheckStatus.INCONCLUSIVE, reason, "Inconclusive, no points lost: " + why + ".");
        }
        return outcome.with(CheckStatus.FAILED, reason, "Inconclusive, and points lost: " + why + ". An inconclusive "
                + "exploration keeps its points only when every correctness check of the exercise passed; fix those "
                + "first.");
    }

    /** A pass within vmlens' bound on interleavings is a pass: the bound is ours, and every order it tried was right. */
    private static String passNote(ExploredScenario scenario) {
        String orders = scenario.reachedIterationLimit()
                ? scenario.interleavings() + " orders of the threads explored by vmlens (its bound)"
                : "Every order of the threads explored by vmlens (" + scenario.interleavings() + ")";
        return orders + ": all ended correctly, with no data race.";
    }

    private static String raceMessage(List<RaceAccess> races) {
        return "Data race on " + races.get(0).field().replace('/', '.') + ": "
                + races.stream().map(RaceAccess::describe).distinct().collect(Collectors.joining("; "))
                + ", holding no lock, while another thread accesses the same field. Without a lock (or volatile) "
                + "nothing guarantees that one thread sees the other's write: on another CPU or JIT it may read a "
                + "stale value forever. Guard every access to this field with the same lock.";
    }

    private static String raceNote(List<RaceAccess> races) {
        return races.isEmpty() ? "" : "\nvmlens also found a data race: " + raceMessage(races);
    }

    /**
     * Where vmlens' own trace is, relative to the report folder, and a word on the "Data Race" rows it shows that the
     * grader ignored (every access held a lock: vmlens 1.2.17's false alarms), so that a student does not chase them.
     */
    private static String reportLink(ExploredScenario scenario, List<RaceAccess> confirmed) {
        if (scenario.reportPage() == null) {
            return "";
        }
        long ignored = scenario.races().stream().filter(r -> !confirmed.contains(r)).count();
        return "\nvmlens explored " + scenario.interleavings() + " interleaving(s); its report shows the trace: "
                + scenario.reportPage() + " (in the report folder)." + (ignored == 0 ? "" : " Its \"Data Race\" rows on "
                + "accesses that hold a lock are false alarms of vmlens 1.2.17; the grader checked them in your bytecode "
                + "and ignores them.");
    }
}
