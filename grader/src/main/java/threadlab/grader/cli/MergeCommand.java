package threadlab.grader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import threadlab.grader.batch.Gradebook;
import threadlab.grader.batch.Merge;

/** {@code grade merge}: one gradebook and summary from the outputs of {@code batch --shard K/N} runs. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combines the outputs of 'batch --shard K/N' runs into one gradebook and class summary.")
final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHARD_OUT", arity = "1..*", description = "The --out folders of the shards.")
    List<Path> shards;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where the merged gradebook goes.")
    Path out;

    @Override
    public Integer call() throws IOException {
        Gradebook gradebook;
        try {
            gradebook = Merge.merge(shards, out);
        } catch (IllegalArgumentException e) {
            throw new ThreadLabCli.UsageProblem(e.getMessage());
        }
        spec.commandLine().getOut().printf("Merged %d student(s) into %s%n", gradebook.rows().size(), out.resolve("gradebook.csv"));
        return ThreadLabCli.GRADED;
    }
}
