package threadlab.grader.cli;

import java.util.Locale;
import java.util.Optional;
import threadlab.grader.exercise.Course;
import threadlab.grader.report.ExerciseReport;
import threadlab.grader.report.GradeReport;

/**
 * One {@code --fail-under} requirement: a percentage of the whole score ({@code 60}) or of one exercise's
 * ({@code counterlock=80}), so that a course can raise what a build needs as the exercises fall due.
 */
record Threshold(Optional<String> exercise, double percent) {

    /** Reads {@code 60} or {@code counterlock=80}; a usage error names what is wrong. */
    static Threshold parse(String text, Course course) {
        String[] parts = text.strip().split("=", 2);
        Optional<String> exercise = parts.length == 2 ? Optional.of(parts[0].strip()) : Optional.empty();
        exercise.ifPresent(id -> Options.exercises(course, java.util.List.of(id))); // an unknown exercise is a usage error
        String number = parts[parts.length - 1].strip();
        double percent;
        try {
            percent = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            percent = Double.NaN;
        }
        if (!(percent >= 0 && percent <= 100)) {
            throw new ThreadLabCli.UsageProblem("--fail-under takes a percentage from 0 to 100, or EXERCISE=PERCENT, "
                    + "not '" + text + "'");
        }
        return new Threshold(exercise, percent);
    }

    /** Why {@code report} falls short of this requirement, or empty when it meets it. */
    Optional<String> shortfall(GradeReport report) {
        if (exercise.isEmpty()) {
            return report.percent() < percent ? Optional.of(String.format(Locale.ROOT,
                    "Score %.1f%% is below --fail-under %.1f%%.", report.percent(), percent)) : Optional.empty();
        }
        String id = exercise.get();
        Optional<ExerciseReport> graded = report.exercises().stream().filter(e -> e.id().equals(id)).findFirst();
        if (graded.isEmpty()) {
            return Optional.empty(); // not graded in this run (--exercise left it out)
        }
        double reached = graded.get().maxScore() == 0 ? 0 : 100 * graded.get().score() / graded.get().maxScore();
        return reached < percent ? Optional.of(String.format(Locale.ROOT, "%s scored %.1f%%, below --fail-under %s=%.1f%%.",
                id, reached, id, percent)) : Optional.empty();
    }
}
