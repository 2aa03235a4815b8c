package threadlab.processmap;

/** A worker process died (exit, halt, crash) before it answered. */
public class WorkerCrashedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WorkerCrashedException(String message) {
        super(message);
    }
}
