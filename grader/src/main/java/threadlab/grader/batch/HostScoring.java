package threadlab.grader.batch;

import java.util.ArrayList;
import java.util.List;
import threadlab.grader.report.CheckReport;
import threadlab.grader.report.ExerciseReport;
import threadlab.grader.report.GradeReport;
import threadlab.grader.rubric.Rubric;
import threadlab.grader.verdict.CheckStatus;

/**
 * Scores a result from a student's container on the host, by the instructor's rubric, from the typed check results
 * alone: points and maxima come from the rubric, totals are summed here. Whatever totals the container reported are
 * ignored; checks the rubric drops are dropped, and the rubric's hidden flags apply.
 */
final class HostScoring {

    private final Rubric rubric;

    HostScoring(Rubric rubric) {
        this.rubric = rubric;
    }

    GradeReport rescore(GradeReport fromContainer) {
        List<ExerciseReport> exercises = new ArrayList<>();
        for (ExerciseReport exercise : fromContainer.exercises()) {
            List<CheckReport> checks = new ArrayList<>();
            for (CheckReport check : exercise.checks()) {
                rubric.entry(check.id()).ifPresent(entry -> checks.add(new CheckReport(check.id(), check.category(),
                        check.title(), check.status(), check.reason(), entry.points() * share(check), entry.points(),
                        check.message(), entry.visibility(), check.durationMs())));
            }
            exercises.add(new ExerciseReport(exercise.id(), exercise.status(), sum(checks, false), sum(checks, true),
                    checks, exercise.compilerMessages(), exercise.apiDrift(), exercise.coverage(), exercise.output(),
                    exercise.benchmark(), exercise.notGraded()));
        }
        return new GradeReport(fromContainer.schemaVersion(), fromContainer.submission(), fromContainer.graderVersion(),
                fromContainer.gradedAt(), fromContainer.seed(), fromContainer.quick(),
                exercises.stream().mapToDouble(ExerciseReport::score).sum(),
                exercises.stream().mapToDouble(ExerciseReport::maxScore).sum(), exercises, fromContainer.durationMs(),
                rubric.leaderboard());
    }

    /** The share of its points a check earned: all or nothing by its status, a measured share for a partial one. */
    private static double share(CheckReport check) {
        if (check.status().awarded()) {
            return 1;
        }
        if (check.status() == CheckStatus.PARTIAL && check.maxScore() > 0) {
            return Math.max(0, Math.min(1, check.score() / check.maxScore()));
        }
        return 0;
    }

    private static double sum(List<CheckReport> checks, boolean max) {
        return checks.stream().mapToDouble(c -> max ? c.maxScore() : c.score()).sum();
    }
}
