package threadlab.grader.host;

import threadlab.grader.catalog.CheckDefinition;

/**
 * One phase of grading an exercise — checks in forked JVMs, interleaving exploration, benchmarks. A phase claims
 * some of the exercise's checks and returns a typed outcome for each; its collaborators (harness class path,
 * exploration tool, sandbox) are handed to it, so its verdict rules can be tested on their own.
 */
interface Phase {

    /** Whether this phase decides {@code check}; every check is claimed by exactly one phase. */
    boolean claims(CheckDefinition check);

    /** Whether a quick grading ({@code --quick}) runs this phase; a quick grading leaves the others out of the score. */
    boolean runsWhenQuick();

    /**
     * Whether the engine may run this phase on all exercises at once: true for a phase that shares the machine among
     * its JVMs itself (the exploration's cores); false, the default, runs the exercises one after the other, each
     * with the machine to itself (stress checks and benchmarks measure time).
     */
    default boolean runsExercisesTogether() {
        return false;
    }

    /** The phase's name for the progress display, e.g. "interleavings". */
    String name();

    /** What the progress display says while the phase runs, e.g. "running 14 checks". */
    String describe(ExerciseRun run);

    /** Runs the claimed checks of {@code run}; an outcome for each of {@link ExerciseRun#claimed()}. */
    PhaseResult run(ExerciseRun run);
}
