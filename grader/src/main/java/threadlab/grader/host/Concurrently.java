package threadlab.grader.host;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs a few long jobs of the engine at once, a thread each, and waits for all of them. */
final class Concurrently {

    private Concurrently() {
    }

    /**
     * The results of {@code jobs}, in their order, each run in a thread of its own (in the caller's thread when there
     * is one job). The first job's failure propagates; the others are interrupted.
     *
     * @param doing what the jobs do, for the message of an interruption or of a checked failure
     */
    static <T> List<T> all(List<Callable<T>> jobs, String doing) {
        if (jobs.size() == 1) {
            List<T> one = new ArrayList<>();
            one.add(call(jobs.get(0), doing)); // may be null (a job of Void)
            return one;
        }
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, jobs.size()));
        try {
            List<Future<T>> running = new ArrayList<>();
            jobs.forEach(job -> running.add(threads.submit(job)));
            List<T> results = new ArrayList<>();
            for (Future<T> job : running) {
                results.add(job.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(doing + " failed", e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    private static <T> T call(Callable<T> job, String doing) {
        try {
            return job.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        } catch (Exception e) {
            throw new IllegalStateException(doing + " failed", e);
        }
    }
}
