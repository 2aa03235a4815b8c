package threadlab.grader.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.BuiltIn;
import threadlab.grader.Grading;
import threadlab.grader.ProjectLayout;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.report.CheckReport;
import threadlab.grader.report.ExerciseReport;

/**
 * The grader's own mutation score: mutants of the reference solutions, made by the concurrency operators of
 * {@link MutationOperator}, must each lose points, unless listed with the reason as equivalent
 * ({@code mutation/equivalent.txt}) or as a known gap of the checks ({@code mutation/survivors.txt}, what would
 * kill it). A survivor outside both lists fails the test: the grader got worse, or a new mutant needs a check.
 *
 * <p>Each mutant gets the quick grading (the checks that run as tests, with scheduling noise), and, if it lost
 * nothing there, the interleaving exploration (unless {@code -Dthreadlab.interleavings=false}); it is killed if it
 * lost a check in each of its gradings (three unless {@code -Dthreadlab.mutation.gradings=N}). {@code -Dthreadlab.mutation=sample} (the default, what CI runs) grades every
 * {@value #SAMPLE_EVERY}th mutant; {@code =all} grades every one and writes the table per operator and exercise to
 * {@code grader/target/mutation/score.md}; {@code =off} skips it.
 */
@DisplayName("The grader kills the mutants of the reference solutions")
class MutationScoreTest {

    static final int SAMPLE_EVERY = 18;
    /** Gradings per mutant ({@code -Dthreadlab.mutation.gradings}); a mutant is killed only if it loses in each. */
    static final int GRADINGS = Integer.getInteger("threadlab.mutation.gradings", 3);
    /** The least kill rate of the whole set ({@code -Dthreadlab.mutation=all}); README states where the grader stands. */
    static final double TARGET = 0.95;
    private static final String MODE = System.getProperty("threadlab.mutation", "sample");
    private static final String LANES_PROPERTY = "threadlab.mutation.lanes";
    /** {@code -Dthreadlab.mutation.only=id,id}: grades just these mutants (e.g. to grade a run's survivors again). */
    private static final String ONLY_PROPERTY = "threadlab.mutation.only";

    @TempDir
    Path work;

    @Test
    void everyOperatorAppliesSomewhereAndEveryMutantChangesTheSource() throws IOException {
        List<Mutant> all = allMutants();
        all.forEach(m -> System.out.println("mutant " + m.id() + ": " + m.original() + "  ->  " + m.mutated()));
        assertThat(all).extracting(Mutant::operator).containsAll(List.of(MutationOperator.values()));
        assertThat(all).allSatisfy(m -> assertThat(m.mutated()).as(m.id()).isNotEqualTo(m.original()));
        Set<String> ids = all.stream().map(Mutant::id).collect(Collectors.toSet());
        assertThat(equivalents().keySet()).as("equivalent mutants that no operator makes any more").isSubsetOf(ids);
        assertThat(listed("/mutation/survivors.txt").keySet()).as("known survivors that no operator makes any more")
                .isSubsetOf(ids);
    }

    @Test
    void killsTheNonEquivalentMutants() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse(MODE.equals("off"), "-Dthreadlab.mutation=off");
        List<String> only = Stream.of(System.getProperty(ONLY_PROPERTY, "").split(",")).map(String::strip)
                .filter(id -> !id.isEmpty()).toList();
        boolean everything = MODE.equals("all") && only.isEmpty();
        List<Mutant> all = allMutants();
        List<Mutant> chosen = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (only.isEmpty() ? everything || i % SAMPLE_EVERY == 0 : only.contains(all.get(i).id())) {
                chosen.add(all.get(i));
            }
        }
        Map<String, String> equivalent = equivalents();
        List<Mutant> graded = chosen.stream().filter(m -> !equivalent.containsKey(m.id())).toList();
        Map<Mutant, Outcome> outcomes = gradeInLanes(graded);
        MutationTable table = new MutationTable();
        for (Mutant mutant : chosen) {
            if (equivalent.containsKey(mutant.id())) {
                table.equivalent(mutant, equivalent.get(mutant.id()));
            } else {
                table.graded(mutant, outcomes.get(mutant).compileError(), outcomes.get(mutant).lost());
            }
        }
        if (everything) {
            Path out = Files.createDirectories(ProjectLayout.root().resolve("grader/target/mutation"));
            Files.writeString(out.resolve("score.md"), table.markdown());
        }
        System.out.println(table.markdown());
        Map<String, String> known = listed("/mutation/survivors.txt");
        assertThat(table.survivorIds()).as("mutants that lost no points and are neither equivalent nor a known gap "
                + "(mutation/survivors.txt); the grader got worse, or a new mutant needs a check:%s", table.survivors())
                .isSubsetOf(known.keySet());
        if (everything) {
            assertThat(known.keySet()).as("known survivors that are killed now: remove them from mutation/survivors.txt")
                    .isSubsetOf(table.survivorIds());
            assertThat(table.killRate()).as("kill rate of the whole set").isGreaterThanOrEqualTo(TARGET);
        }
        System.out.printf("kill rate %.1f %% of %d non-equivalent mutants (target %.0f %%)%n", 100 * table.killRate(),
                table.nonEquivalent(), 100 * TARGET);
    }

    /** What a mutant's gradings gave: the checks it lost in the last one (empty: it survived one of them). */
    private record Outcome(boolean compileError, List<String> lost) {
    }

    /**
     * Grades the mutants {@value #LANES_PROPERTY} at a time (1 unless set): a long run of the whole set in ten gradings
     * is then bounded by the machine's cores, not by the check JVMs' waits. Busier cores only make a kill harder.
     */
    private Map<Mutant, Outcome> gradeInLanes(List<Mutant> mutants) {
        ExecutorService lanes = Executors.newFixedThreadPool(Integer.getInteger(LANES_PROPERTY, 1));
        try {
            Map<Mutant, Future<Outcome>> pending = new LinkedHashMap<>();
            for (int i = 0; i < mutants.size(); i++) {
                Mutant mutant = mutants.get(i);
                Path folder = work.resolve("m" + i);
                pending.put(mutant, lanes.submit(() -> grade(mutant, folder)));
            }
            Map<Mutant, Outcome> outcomes = new LinkedHashMap<>();
            for (Map.Entry<Mutant, Future<Outcome>> entry : pending.entrySet()) {
                outcomes.put(entry.getKey(), entry.getValue().get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while grading mutants", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a mutant could not be graded", e.getCause());
        } finally {
            lanes.shutdownNow();
        }
    }

    /** Killed only if it loses points in every grading: a kill that depends on a lucky interleaving is none. */
    private static Outcome grade(Mutant mutant, Path folder) throws IOException {
        Path submission = mutant.materialize(ProjectLayout.solutionSources(), folder);
        List<String> lost = List.of();
        boolean compileError = false;
        for (int grading = 1; grading <= GRADINGS; grading++) {
            // The quick grading first; only a mutant it misses pays for the interleaving exploration.
            ExerciseReport exercise = Grading.grade(submission, Set.of(mutant.exercise()), false).exercises().get(0);
            compileError = exercise.status().equals(ExerciseReport.COMPILE_ERROR);
            lost = lost(exercise);
            if (lost.isEmpty() && Grading.EXPLORE_INTERLEAVINGS && !compileError) {
                lost = lost(Grading.gradeInterleavings(submission, Set.of(mutant.exercise()), id -> true).exercises().get(0));
            }
            if (lost.isEmpty() || compileError) {
                break;
            }
        }
        System.out.println("mutant " + mutant.id() + " [" + mutant.mutated() + "]: " + (lost.isEmpty() ? "SURVIVED" : "killed by " + lost));
        return new Outcome(compileError, lost);
    }

    private static List<String> lost(ExerciseReport exercise) {
        return exercise.checks().stream().filter(c -> !c.passed()).map(CheckReport::id).toList();
    }

    private static List<Mutant> allMutants() throws IOException {
        List<Mutant> all = new ArrayList<>();
        for (Exercise exercise : BuiltIn.ALL) {
            all.addAll(Mutant.of(exercise, ProjectLayout.solutionSources()));
        }
        return all;
    }

    /** {@code mutation/equivalent.txt}: mutants that change nothing a check could see, each with why. */
    static Map<String, String> equivalents() throws IOException {
        return listed("/mutation/equivalent.txt");
    }

    /** A list of mutants: one id per line, then {@code  -- } and the reason; {@code #} starts a comment line. */
    private static Map<String, String> listed(String resource) throws IOException {
        try (InputStream in = MutationScoreTest.class.getResourceAsStream(resource)) {
            return MutantList.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        }
    }
}
