package threadlab.grader.host;

import java.util.function.Supplier;
import threadlab.grader.sandbox.Sandbox;
import threadlab.grader.sandbox.SandboxLimits;
import threadlab.grader.sandbox.SandboxMode;
import threadlab.grader.sandbox.Sandboxes;

/**
 * The sandbox of one grading, opened when the first benchmark needs it: a grading without benchmarks
 * ({@code --quick}, or exercises without any) never looks for Docker.
 */
final class LazySandbox implements Supplier<Sandbox>, AutoCloseable {

    private final SandboxMode mode;
    private Sandbox sandbox;

    LazySandbox(SandboxMode mode) {
        this.mode = mode;
    }

    @Override
    public synchronized Sandbox get() {
        if (sandbox == null) {
            sandbox = Sandboxes.open(mode, SandboxLimits.firstCpus(SandboxLimits.BENCHMARK_CPUS));
        }
        return sandbox;
    }

    @Override
    public synchronized void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
