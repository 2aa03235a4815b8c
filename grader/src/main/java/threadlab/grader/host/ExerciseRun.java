package threadlab.grader.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import threadlab.grader.api.Category;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.exercise.Exercise;

/**
 * What a {@link Phase} gets: the compiled exercise, the checks it claimed, and the outcomes of the phases before it.
 *
 * @param classes the student's compiled classes of this exercise
 * @param sources the student's source files of this exercise
 * @param workDir this exercise's scratch folder
 * @param checks  every graded check of this exercise
 * @param claimed the checks of the phase this run is for
 * @param earlier outcomes of the phases that ran before, by check id
 * @param progress hears the steps of a long phase
 */
record ExerciseRun(Exercise exercise, Path classes, List<Path> sources, Path workDir, GradeRequest request,
                   List<CheckDefinition> checks, List<CheckDefinition> claimed, Map<String, CheckOutcome> earlier,
                   Progress progress) {

    ExerciseRun {
        checks = List.copyOf(checks);
        claimed = List.copyOf(claimed);
        earlier = Map.copyOf(earlier);
    }

    /** A sub-folder of the work folder, created. */
    Path folder(String name) {
        try {
            return Files.createDirectories(workDir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same exercise, for the next phase. */
    ExerciseRun forPhase(List<CheckDefinition> phaseChecks, Map<String, CheckOutcome> outcomesSoFar) {
        return new ExerciseRun(exercise, classes, sources, workDir, request, checks, phaseChecks, outcomesSoFar, progress);
    }

    /** Tells the progress display what {@code engine} does now in this phase, e.g. which scenario it explores. */
    void step(String engine, String what) {
        progress.step(exercise.id(), engine, what);
    }

    /** Tells the progress display that {@code engine}'s work for this exercise in this phase is over. */
    void engineDone(String engine) {
        progress.engineDone(exercise.id(), engine);
    }

    /** Whether every correctness check of this exercise that ran before passed. */
    boolean correctnessPassed() {
        return checks.stream().filter(c -> c.category() == Category.CORRECTNESS)
                .map(c -> earlier.get(c.id()))
                .allMatch(o -> o != null && o.status().awarded());
    }
}
