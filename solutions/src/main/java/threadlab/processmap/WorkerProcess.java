package threadlab.processmap;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One child JVM running {@link Worker}, and the pipes to it. */
final class WorkerProcess {

    private static final long GRACEFUL_STOP_MILLIS = 2_000;

    private final Process process;
    private final DataOutputStream toWorker;
    private final DataInputStream fromWorker;
    private volatile boolean broken;

    private WorkerProcess(Process process) {
        this.process = process;
        this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream()));
    }

    /** Starts a worker with this JVM's own {@code java} executable and class path. */
    static WorkerProcess start() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // stdout carries the protocol: the JVM's own warnings must go to stderr, like all else the worker prints.
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:+DisplayVMOutputToStderr",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", Worker.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            return new WorkerProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a worker process", e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isReusable() {
        return !broken && process.isAlive();
    }

    /** Sends one chunk and waits for its answer; a worker that dies meanwhile is reported as crashed. */
    Messages.ChunkResult apply(RemoteFunction<Object, Object> fn, List<Object> items) {
        byte[] request;
        try {
            request = Frames.serialize(new Messages.Chunk(fn, items));
        } catch (IOException e) {
            throw new IllegalStateException("the function or the items cannot be sent to a worker: " + e, e);
        }
        try {
            Frames.write(toWorker, request);
            return (Messages.ChunkResult) Frames.read(fromWorker);
        } catch (IOException | ClassNotFoundException e) {
            broken = true;
            throw new WorkerCrashedException("worker process " + pid() + " died before answering"
                    + exitDescription() + " (" + e + ")");
        }
    }

    /** Kills the worker now, so that a dispatcher blocked on its pipe wakes up. */
    void abandon() {
        broken = true;
        killTree();
    }

    /**
     * Kills the processes the worker started, then asks the worker to end (closes its stdin) and kills it
     * if it does not. Descendants go first, while the worker is still their parent: it reaps them at
     * once, whereas orphans would be invisible to us and reaped only whenever init gets to them.
     */
    void stop() {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        descendants.forEach(WorkerProcess::awaitExit);
        try {
            toWorker.close();
        } catch (IOException ignored) {
            // the worker is already gone
        }
        try {
            if (!process.waitFor(GRACEFUL_STOP_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        awaitExit(process.toHandle());
    }

    private void killTree() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private String exitDescription() {
        try {
            if (process.waitFor(GRACEFUL_STOP_MILLIS, TimeUnit.MILLISECONDS)) {
                return " (exit code " + process.exitValue() + ")";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    private static void awaitExit(ProcessHandle handle) {
        try {
            handle.onExit().get(GRACEFUL_STOP_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // destroyForcibly was sent; nothing more can be done from here
        }
    }
}
