package threadlab.grader.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import threadlab.grader.catalog.CheckCatalog;
import threadlab.grader.exercise.Course;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.rubric.Rubric;
import threadlab.grader.rubric.RubricException;
import threadlab.grader.sandbox.SandboxMode;

/** Interpreting the options shared by the commands, with clear errors. */
final class Options {

    private Options() {
    }

    /** The exercises of {@code course} called {@code ids}, or all of them when none is named. */
    static List<Exercise> exercises(Course course, List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return course.exercises();
        }
        List<Exercise> chosen = new ArrayList<>();
        for (String id : ids) {
            chosen.add(course.byId(id).orElseThrow(() -> new ThreadLabCli.UsageProblem("unknown exercise '" + id
                    + "'; the exercises are " + course.ids() + " (a pack's exercise needs --packs)")));
        }
        return chosen;
    }

    /** The sandbox a user may ask for: {@code container} is internal (batch grading's own runs). */
    static SandboxMode sandbox(String id) {
        List<SandboxMode> offered = Arrays.stream(SandboxMode.values()).filter(m -> m != SandboxMode.CONTAINER).toList();
        return offered.stream().filter(m -> m.id().equalsIgnoreCase(id.strip())).findFirst()
                .orElseThrow(() -> new ThreadLabCli.UsageProblem("unknown --sandbox '" + id + "'; choose one of "
                        + offered.stream().map(SandboxMode::id).collect(Collectors.joining(", "))));
    }

    static Rubric rubric(Path file, CheckCatalog catalog) {
        if (file == null) {
            return Rubric.defaults(catalog);
        }
        try {
            return Rubric.fromFile(file, catalog);
        } catch (RubricException e) {
            throw new ThreadLabCli.UsageProblem("invalid rubric: " + e.getMessage());
        }
    }
}
