package threadlab.grader.host;

/**
 * The contract between the grader's command line and a program that starts it as a child process (batch grading
 * runs it inside a container): the main class, the internal option that marks such a run, and the exit codes.
 */
public final class GraderLaunch {

    /** The command line's main class. */
    public static final String MAIN_CLASS = "threadlab.grader.cli.ThreadLabCli";
    /** Internal option of {@code grade}: this grader runs inside a sandbox container started for it. */
    public static final String INSIDE_CONTAINER = "--inside-container";
    /**
     * Internal option of {@code grade}: read the run's secret on standard input (before anything else) and write
     * {@link #SEALED_RESULT} sealed with it, for the program that started this grader.
     */
    public static final String SEAL_RESULT = "--seal-result";
    /** The sealed copy of {@code result.json} a grader started with {@link #SEAL_RESULT} writes. */
    public static final String SEALED_RESULT = "result.sealed";

    /** Graded. */
    public static final int GRADED = 0;
    /** Graded, but below {@code --fail-under}. */
    public static final int BELOW_THRESHOLD = 1;
    /** Wrong arguments, unreadable submission or rubric. */
    public static final int USAGE = 2;
    /** A fault of the grader itself. */
    public static final int INTERNAL_ERROR = 3;

    private GraderLaunch() {
    }
}
