package threadlab.grader.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import threadlab.grader.exercise.PackException;
import threadlab.grader.pack.PackTemplate;

/** {@code grade pack new}: scaffolds a pack. */
@Command(name = "new", mixinStandardHelpOptions = true,
        header = "Writes a new exercise pack from the template, ready to verify and to edit.",
        description = {"The template is a small exercise (a gate that opens once): a stub, a reference solution, one check",
                "of each category, and a buggy fixture aimed at each check. It passes './grade pack verify' as it is;",
                "replace its parts with your exercise's."})
final class PackNewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The exercise's id: students implement package threadlab.ID.")
    String id;

    @Option(names = "--into", paramLabel = "DIR", description = "The new pack's folder. Default: packs/ID.")
    Path into;

    @Override
    public Integer call() {
        Path folder = into != null ? into : GradeCommand.projectRoot().resolve("packs").resolve(id);
        List<Path> written;
        try {
            written = PackTemplate.write(id, folder);
        } catch (PackException e) {
            throw new ThreadLabCli.UsageProblem(e.getMessage());
        }
        spec.commandLine().getOut().printf("Wrote the pack %s (%d files) to %s.%nNext: ./grade pack verify %s%n", id,
                written.size(), folder, folder);
        return ThreadLabCli.GRADED;
    }
}
