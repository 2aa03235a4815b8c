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

    /** What the progress display says while the phase runs, e.g. "running 14 checks". */
    String describe(ExerciseRun run);

    /** Runs the claimed checks of {@code run}; an outcome for each of {@link ExerciseRun#claimed()}. */
    PhaseResult run(ExerciseRun run);
}
