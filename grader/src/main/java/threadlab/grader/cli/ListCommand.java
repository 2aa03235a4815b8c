package threadlab.grader.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import threadlab.grader.catalog.CheckCatalog;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.report.Points;
import threadlab.grader.rubric.Rubric;

/** {@code grade list}: the exercises, their checks, categories and points. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the exercises and their checks with category and points.")
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--exercise", paramLabel = "ID", description = "Only this exercise (repeatable).")
    List<String> exercises;

    @Option(names = "--rubric", paramLabel = "FILE", description = "Show the points of this rubric file (YAML or JSON).")
    Path rubricFile;

    @Mixin
    CourseOption courseOption;

    @Override
    public Integer call() {
        CheckCatalog catalog = courseOption.catalog();
        Rubric rubric = Options.rubric(rubricFile, catalog);
        for (Exercise exercise : Options.exercises(catalog.course(), exercises)) {
            double total = 0;
            StringBuilder lines = new StringBuilder();
            for (CheckDefinition check : catalog.of(exercise)) {
                var entry = rubric.entry(check.id());
                if (entry.isEmpty()) {
                    continue;
                }
                total += entry.get().points();
                lines.append(String.format("  %-42s %-13s %5s  %s%s%n", check.id(), check.category().id(),
                        Points.format(entry.get().points()), check.title(), entry.get().hidden() ? " (hidden)" : ""));
            }
            spec.commandLine().getOut().printf("%s (%s points)%n%s%n", exercise.id(), Points.format(total), lines);
        }
        return ThreadLabCli.GRADED;
    }
}
