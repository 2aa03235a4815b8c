package threadlab.processmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies a function to many items in a pool of worker processes.
 *
 * <p>Each worker is a child JVM running {@link Worker}, fed over its stdin and answering on its
 * stdout. Items travel in chunks so that many tiny items cost few round trips. One short-lived
 * dispatcher thread per worker feeds it chunks from a shared list during a {@code map} call: the
 * threads only move bytes, the work itself runs in the children.
 */
public final class ProcessMap implements AutoCloseable {

    /** Chunks per worker that the one-argument {@code map} aims for: enough to balance the load. */
    private static final int CHUNKS_PER_WORKER = 4;

    private final int processes;
    private final List<WorkerProcess> idle = new ArrayList<>(); // guarded by this
    private boolean closed;                                     // guarded by this

    public ProcessMap(int processes) {
        if (processes < 1) {
            throw new IllegalArgumentException("processes must be at least 1, was " + processes);
        }
        this.processes = processes;
    }

    public int processes() {
        return processes;
    }

    public <T extends java.io.Serializable, R extends java.io.Serializable> List<R> map(
            RemoteFunction<T, R> fn, List<T> items) throws InterruptedException, ExecutionException {
        int perChunk = Math.max(1, -Math.floorDiv(-items.size(), processes * CHUNKS_PER_WORKER));
        return map(fn, items, perChunk);
    }

    public <T extends java.io.Serializable, R extends java.io.Serializable> List<R> map(
            RemoteFunction<T, R> fn, List<T> items, int chunkSize) throws InterruptedException, ExecutionException {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(items, "items");
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be at least 1, was " + chunkSize);
        }
        if (items.isEmpty()) {
            return new ArrayList<>();
        }
        @SuppressWarnings("unchecked")
        RemoteFunction<Object, Object> untyped = (RemoteFunction<Object, Object>) (RemoteFunction<?, ?>) fn;
        MapCall call = new MapCall(untyped, new ArrayList<>(items), chunkSize);
        int needed = Math.min(processes, call.chunkCount());
        List<WorkerProcess> workers = borrow(needed);
        try {
            call.runOn(workers);
        } finally {
            giveBack(workers);
        }
        @SuppressWarnings("unchecked")
        List<R> results = (List<R>) (List<?>) call.results();
        return results;
    }

    /** Stops every worker; when it returns, no process started by this map is alive. */
    @Override
    public void close() {
        List<WorkerProcess> toStop;
        synchronized (this) {
            closed = true;
            toStop = new ArrayList<>(idle);
            idle.clear();
        }
        toStop.forEach(WorkerProcess::stop);
    }

    private synchronized List<WorkerProcess> borrow(int count) {
        if (closed) {
            throw new IllegalStateException("this ProcessMap is closed");
        }
        List<WorkerProcess> borrowed = new ArrayList<>();
        while (borrowed.size() < count && !idle.isEmpty()) {
            borrowed.add(idle.remove(idle.size() - 1));
        }
        while (borrowed.size() < count) {
            borrowed.add(WorkerProcess.start());
        }
        return borrowed;
    }

    /** Healthy workers go back to the pool; broken ones (crashed, interrupted mid-chunk) are stopped. */
    private void giveBack(List<WorkerProcess> workers) {
        List<WorkerProcess> toStop = new ArrayList<>();
        synchronized (this) {
            for (WorkerProcess worker : workers) {
                if (worker.isReusable() && !closed) {
                    idle.add(worker);
                } else {
                    toStop.add(worker);
                }
            }
        }
        toStop.forEach(WorkerProcess::stop);
    }

    /** One {@code map} call: its chunks, its results, and the first failure by input order. */
    private static final class MapCall {
        private final RemoteFunction<Object, Object> fn;
        private final List<Object> items;
        private final int chunkSize;
        private final Object[] results;
        private final AtomicInteger nextChunk = new AtomicInteger();
        private volatile boolean failed;
        private int failedItem = Integer.MAX_VALUE; // guarded by this
        private Throwable failure;                  // guarded by this

        MapCall(RemoteFunction<Object, Object> fn, List<Object> items, int chunkSize) {
            this.fn = fn;
            this.items = items;
            this.chunkSize = chunkSize;
            this.results = new Object[items.size()];
        }

        int chunkCount() {
            return -Math.floorDiv(-items.size(), chunkSize);
        }

        void runOn(List<WorkerProcess> workers) throws InterruptedException, ExecutionException {
            List<Thread> dispatchers = new ArrayList<>();
            for (WorkerProcess worker : workers) {
                Thread dispatcher = new Thread(() -> feed(worker), "processmap-dispatcher-" + worker.pid());
                dispatcher.setDaemon(true);
                dispatchers.add(dispatcher);
                dispatcher.start();
            }
            try {
                for (Thread dispatcher : dispatchers) {
                    dispatcher.join();
                }
            } catch (InterruptedException e) {
                // Kill what is mid-chunk: that unblocks the dispatchers, which then end.
                workers.forEach(WorkerProcess::abandon);
                for (Thread dispatcher : dispatchers) {
                    dispatcher.join();
                }
                throw e;
            }
            synchronized (this) {
                if (failure != null) {
                    throw new ExecutionException(failure);
                }
            }
        }

        List<Object> results() {
            return new ArrayList<>(Arrays.asList(results));
        }

        private void feed(WorkerProcess worker) {
            int chunk;
            while (!failed && (chunk = nextChunk.getAndIncrement()) < chunkCount()) {
                int from = chunk * chunkSize;
                int to = Math.min(from + chunkSize, items.size());
                try {
                    Messages.ChunkResult answer = worker.apply(fn, new ArrayList<>(items.subList(from, to)));
                    if (answer.failure() != null) {
                        fail(from + answer.failedIndex(), answer.failure().toThrowable());
                    } else {
                        List<Object> values = answer.results();
                        for (int i = 0; i < values.size(); i++) {
                            results[from + i] = values.get(i);
                        }
                    }
                } catch (WorkerCrashedException | IllegalStateException e) {
                    fail(from, e);
                }
            }
        }

        private synchronized void fail(int itemIndex, Throwable cause) {
            failed = true; // stop handing out chunks: the call fails anyway
            if (itemIndex < failedItem) {
                failedItem = itemIndex;
                failure = cause;
            }
        }
    }
}
