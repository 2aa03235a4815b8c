package threadlab.grader.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.report.CheckReport;
import threadlab.grader.rubric.Rubric;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/**
 * Turns check outcomes into scored check reports, by the rubric. A check scores all or nothing, except a
 * performance check, which may earn a share of its points.
 */
final class Scoring {

    private Scoring() {
    }

    static List<CheckReport> score(List<CheckDefinition> checks, Map<String, CheckOutcome> outcomes, Rubric rubric) {
        List<CheckReport> reports = new ArrayList<>();
        for (CheckDefinition check : checks) {
            Rubric.Entry entry = rubric.entry(check.id()).orElseThrow();
            CheckOutcome outcome = outcomes.get(check.id());
            reports.add(new CheckReport(check.id(), check.category().id(), check.title(), outcome.status(),
                    outcome.reason(), entry.points() * outcome.fraction(), entry.points(),
                    outcome.message(), entry.visibility(), outcome.durationMs()));
        }
        return reports;
    }

    /** Every check charged with the same status, reason and message, e.g. when the exercise does not compile. */
    static List<CheckReport> all(List<CheckDefinition> checks, Rubric rubric, CheckStatus status, Reason reason,
            String message) {
        List<CheckReport> reports = new ArrayList<>();
        for (CheckDefinition check : checks) {
            Rubric.Entry entry = rubric.entry(check.id()).orElseThrow();
            reports.add(new CheckReport(check.id(), check.category().id(), check.title(), status, reason, 0,
                    entry.points(), message, entry.visibility(), 0));
        }
        return reports;
    }

    static double sum(List<CheckReport> checks, boolean max) {
        return checks.stream().mapToDouble(c -> max ? c.maxScore() : c.score()).sum();
    }
}
