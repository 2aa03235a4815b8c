package threadlab.processmap;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Map a function over items in a pool of worker processes. See {@code exercises/guides/6-processmap.md}.
 */
public final class ProcessMap implements AutoCloseable {

    public ProcessMap(int processes) {
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
