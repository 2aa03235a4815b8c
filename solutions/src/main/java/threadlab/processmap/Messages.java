package threadlab.processmap;

import java.io.Serializable;
import java.util.List;

/** What parent and worker send each other over the worker's stdin and stdout. */
final class Messages {

    private Messages() {
    }

    /** Parent to worker: apply {@code fn} to each of {@code items}, in order. */
    record Chunk(RemoteFunction<Object, Object> fn, List<Object> items) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Worker to parent: the results of a whole chunk, or the failure of the item at
     * {@code failedIndex} (an index into the chunk).
     */
    record ChunkResult(List<Object> results, int failedIndex, RemoteFailure failure) implements Serializable {
        private static final long serialVersionUID = 1L;

        static ChunkResult success(List<Object> results) {
            return new ChunkResult(results, -1, null);
        }

        static ChunkResult failure(int index, RemoteFailure failure) {
            return new ChunkResult(null, index, failure);
        }
    }
}
