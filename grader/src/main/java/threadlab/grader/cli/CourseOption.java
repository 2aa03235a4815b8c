package threadlab.grader.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import threadlab.grader.catalog.CheckCatalog;
import threadlab.grader.exercise.Course;
import threadlab.grader.exercise.PackException;
import threadlab.grader.pack.Packs;

/** {@code --packs}: the exercises a command works on, the grader's own and an instructor's packs. */
final class CourseOption {

    @Option(names = "--packs", paramLabel = "PATH", split = ",",
            description = "An exercise pack to add to the built-in exercises (repeatable): a pack folder (with "
                    + "pack.properties; see the README's 'Authoring an exercise'), or a built pack (folder or jar).")
    List<Path> packs;

    private CheckCatalog catalog;

    /** The checks of the course's exercises; a broken pack is a usage error. */
    CheckCatalog catalog() {
        if (catalog == null) {
            try {
                catalog = CheckCatalog.load(Packs.course(packs));
            } catch (PackException e) {
                throw new ThreadLabCli.UsageProblem("invalid pack: " + e.getMessage());
            }
        }
        return catalog;
    }

    Course course() {
        return catalog().course();
    }

    /** The built packs of the course (none without {@code --packs}), for a grading that runs elsewhere. */
    List<Path> builtPacks() {
        return course().exercises().stream().flatMap(e -> e.checkClasspath().stream()).toList();
    }
}
