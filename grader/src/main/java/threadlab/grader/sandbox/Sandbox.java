package threadlab.grader.sandbox;

/**
 * Somewhere to run untrusted Java code: a Docker container with pinned CPUs, or a JVM on this machine.
 * Use {@link Sandboxes#open} to get one.
 */
public interface Sandbox extends AutoCloseable {

    /** Runs {@code job} to its end or its time limit; never throws for what the job's code does. */
    SandboxRun run(SandboxJob job);

    /** Whether the job is isolated from this machine, with fixed CPUs: false means results are advisory. */
    boolean isolated();

    /** How reports describe the sandbox, e.g. "Docker container threadlab/sandbox:0.1.0, CPUs 0-1, no network". */
    String description();

    @Override
    default void close() {
    }
}
