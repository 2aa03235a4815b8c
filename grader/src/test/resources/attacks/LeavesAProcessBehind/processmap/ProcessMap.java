package threadlab.processmap;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Attack: an unimplemented process map whose constructor leaves a detached process behind (a shell that
 * backgrounds a long sleep and exits), which outlives the check unless the grader ends every process it started.
 */
public final class ProcessMap implements AutoCloseable {

    public ProcessMap(int processes) {
        try {
            new ProcessBuilder("sh", "-c", "sleep @MARKER@ > /dev/null 2>&1 &").start().waitFor();
            System.out.println("ATTACK left a process behind");
        } catch (Exception e) {
            System.out.println("ATTACK could not start a process: " + e);
        }
        throw new UnsupportedOperationException(
                "ProcessMap(processes): not implemented yet. Reject processes < 1; start worker processes now or "
                        + "when the first map needs them.");
    }

    public int processes() {
        throw new UnsupportedOperationException("ProcessMap.processes(): not implemented yet. The number given to the constructor.");
    }

    public <T extends Serializable, R extends Serializable> List<R> map(RemoteFunction<T, R> fn, List<T> items)
            throws InterruptedException, ExecutionException {
        throw new UnsupportedOperationException(
                "ProcessMap.map(fn, items): not implemented yet. Choose a chunk size yourself and call the "
                        + "three-argument map.");
    }

    public <T extends Serializable, R extends Serializable> List<R> map(RemoteFunction<T, R> fn, List<T> items,
            int chunkSize) throws InterruptedException, ExecutionException {
        throw new UnsupportedOperationException(
                "ProcessMap.map(fn, items, chunkSize): not implemented yet. Send chunks of items (with fn) to the "
                        + "workers over their stdin, read results from their stdout, and return them in input order.");
    }

    public void close() {
        throw new UnsupportedOperationException(
                "ProcessMap.close(): not implemented yet. Stop every worker process (and anything it started) and "
                        + "wait until they are gone.");
    }
}
