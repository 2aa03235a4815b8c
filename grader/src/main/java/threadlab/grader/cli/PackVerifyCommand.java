package threadlab.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import threadlab.grader.exercise.PackException;
import threadlab.grader.mutation.MutationTable;
import threadlab.grader.pack.PackFolder;
import threadlab.grader.pack.PackVerification;
import threadlab.grader.sandbox.SandboxMode;

/** {@code grade pack verify}: a pack's self-test. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        header = "Runs a pack's self-test: the solution earns full marks, the stub nothing, each fixture loses its checks.",
        description = {"Grades the pack's reference solution (full marks, every time, and it must match contract.txt),",
                "its stub (0 points, 'not implemented'), and each fixture (it loses the checks its fixture.txt names",
                "and keeps the others); every check must be aimed at by a fixture. Exit code 1 when anything fails.",
                "A built-in exercise's id (counterlock, ...) verifies the grader's own pack in this checkout."})
final class PackVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PACK", arity = "1..*",
            description = "The pack folder(s) to verify, or the id(s) of built-in exercises.")
    List<Path> packs;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3",
            description = "How often the solution is graded. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--mutants", paramLabel = "N", arity = "0..1", fallbackValue = "1", defaultValue = "0",
            description = {"Also compute the pack's mutation score: every mutant the concurrency operators make of the",
                    "solution, graded N times (default 1 with the option): killed only if it loses points in each.",
                    "List the equivalent ones, with why, in mutation/equivalent.txt. Reported, not a failure."})
    int mutantGradings;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (mutantGradings < 0) {
            throw new ThreadLabCli.UsageProblem("--mutants must be at least 1, not " + mutantGradings);
        }
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

    private boolean verify(Path root, PrintWriter out) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("threadlab-pack-verify-");
        try {
            PackFolder pack = open(root);
            long start = System.nanoTime();
            out.println("Verifying the pack " + pack.exercise().id() + " (" + pack.root() + ") ...");
            out.flush();
            PackVerification verification = new PackVerification(pack, work, SandboxMode.AUTO, line -> {
                out.println("  " + line);
                out.flush();
            });
            List<String> problems = verification.run(runs);
            String id = pack.exercise().id();
            if (problems.isEmpty()) {
                out.println("The pack " + id + " passes its self-test (" + secondsSince(start) + ").");
            } else {
                out.println("The pack " + id + " fails its self-test (" + secondsSince(start) + "):");
                problems.forEach(p -> out.println("  - " + p));
            }
            if (mutantGradings > 0) {
                start = System.nanoTime();
                MutationTable score = verification.mutationScore(mutantGradings, mutant -> true);
                out.printf(Locale.ROOT, "Mutation score of the pack %s: %.0f %% of %d mutants that are not equivalent "
                        + "killed in each of %d grading(s) (%s).%n%s%n", id, 100 * score.killRate(),
                        score.nonEquivalent(), mutantGradings, secondsSince(start), score.markdown());
            }
            return problems.isEmpty();
        } catch (PackException e) {
            throw new ThreadLabCli.UsageProblem("invalid pack: " + e.getMessage());
        } finally {
            threadlab.grader.pack.Packs.delete(work);
        }
    }

    private static String secondsSince(long start) {
        return (System.nanoTime() - start) / 1_000_000_000 + " s";
    }

    /** A pack folder, or, for a bare name that is no folder, the built-in pack of that id in this checkout. */
    private static PackFolder open(Path root) {
        if (Files.exists(root) || root.getNameCount() != 1) {
            return PackFolder.open(root);
        }
        String checkout = System.getenv().getOrDefault("THREADLAB_ROOT", ".");
        return PackFolder.builtIn(Path.of(checkout).toAbsolutePath().normalize(), root.toString());
    }
}
