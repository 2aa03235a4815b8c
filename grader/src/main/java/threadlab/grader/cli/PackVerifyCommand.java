package threadlab.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import threadlab.grader.exercise.PackException;
import threadlab.grader.pack.PackFolder;
import threadlab.grader.pack.PackVerification;

/** {@code grade pack verify}: a pack's self-test. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        header = "Runs a pack's self-test: the solution earns full marks, the stub nothing, each fixture loses its checks.",
        description = {"Grades the pack's reference solution (full marks, every time, and it must match contract.txt),",
                "its stub (0 points, 'not implemented'), and each fixture (it loses the checks its fixture.txt names",
                "and keeps the others); every check must be aimed at by a fixture. Exit code 1 when anything fails."})
final class PackVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PACK", arity = "1..*", description = "The pack folder(s) to verify.")
    List<Path> packs;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3",
            description = "How often the solution is graded. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Override
    public Integer call() throws IOException {
        if (runs < 1) {
            throw new ThreadLabCli.UsageProblem("--runs must be at least 1, not " + runs);
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean allPass = true;
        for (Path pack : packs) {
            allPass &= verify(pack, out);
        }
        return allPass ? ThreadLabCli.GRADED : ThreadLabCli.BELOW_THRESHOLD;
    }

    private boolean verify(Path root, PrintWriter out) throws IOException {
        Path work = Files.createTempDirectory("threadlab-pack-verify-");
        try {
            PackFolder pack = PackFolder.open(root);
            out.println("Verifying the pack " + pack.exercise().id() + " (" + root + ") ...");
            out.flush();
            List<String> problems = new PackVerification(pack, work, line -> {
                out.println("  " + line);
                out.flush();
            }).run(runs);
            if (problems.isEmpty()) {
                out.println("The pack " + pack.exercise().id() + " passes its self-test.");
                return true;
            }
            out.println("The pack " + pack.exercise().id() + " fails its self-test:");
            problems.forEach(p -> out.println("  - " + p));
            return false;
        } catch (PackException e) {
            throw new ThreadLabCli.UsageProblem("invalid pack: " + e.getMessage());
        } finally {
            threadlab.grader.pack.Packs.delete(work);
        }
    }
}
