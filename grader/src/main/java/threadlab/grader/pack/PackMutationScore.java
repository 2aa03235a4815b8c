package threadlab.grader.pack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import threadlab.grader.mutation.Mutant;
import threadlab.grader.mutation.MutantList;
import threadlab.grader.mutation.MutationTable;
import threadlab.grader.report.CheckReport;
import threadlab.grader.report.ExerciseReport;

/**
 * A pack's mutation score ({@code pack verify --mutants}): each mutant of the solution is graded quick, then by the
 * explorations if it lost nothing there, each grading with its own seed; it is killed only if it loses points in each.
 * Stops grading a mutant at its first survival.
 */
final class PackMutationScore {

    private final PackVerification verification;
    private final int gradings;
    private final Consumer<String> log;

    PackMutationScore(PackVerification verification, int gradings, Consumer<String> log) {
        this.verification = verification;
        this.gradings = gradings;
        this.log = log;
    }

    /** The table of the mutants of {@code pack}'s solution that {@code which} accepts. */
    MutationTable of(PackFolder pack, Predicate<Mutant> which) throws IOException {
        Map<String, String> equivalent = MutantList.read(pack.equivalentMutants());
        MutationTable table = new MutationTable();
        List<Mutant> mutants = Mutant.of(verification.exercise(), pack.solution()).stream().filter(which).toList();
        for (int i = 0; i < mutants.size(); i++) {
            Mutant mutant = mutants.get(i);
            if (equivalent.containsKey(mutant.id())) {
                table.equivalent(mutant, equivalent.get(mutant.id()));
                continue;
            }
            Graded graded = grade(mutant.materialize(pack.solution(), verification.scratch("mutants").resolve("m" + i)),
                    "mutant-" + i);
            table.graded(mutant, graded.compileError(), graded.lost());
            log.accept("mutant " + mutant.id() + " [" + mutant.mutated() + "]: " + (graded.compileError()
                    ? "does not compile" : graded.lost().isEmpty() ? "SURVIVED" : "killed by " + graded.lost()));
        }
        return table;
    }

    /** What a mutant's gradings gave: the checks it lost in the last one (empty: it survived one of them). */
    private record Graded(boolean compileError, List<String> lost) {
    }

    /** The quick grading first; only a mutant it misses pays for the explorations. */
    private Graded grade(Path sources, String label) {
        ExerciseReport last = null;
        List<String> lost = List.of();
        for (int grading = 1; grading <= gradings && (grading == 1 || !lost.isEmpty()); grading++) {
            long seed = PackVerification.FIXTURE_SEED + grading;
            last = verification.grade(sources, label + "-" + grading, seed, true, verification.rubric());
            lost = lostChecks(last);
            if (lost.isEmpty() && ExerciseReport.GRADED.equals(last.status())) {
                lost = lostChecks(verification.grade(sources, label + "-" + grading + "-explored", seed, false,
                        verification.rubric().only(verification::isExploration)));
            }
        }
        return new Graded(ExerciseReport.COMPILE_ERROR.equals(last.status()), lost);
    }

    private static List<String> lostChecks(ExerciseReport report) {
        return report.checks().stream().filter(c -> !c.passed()).map(CheckReport::id).toList();
    }
}
