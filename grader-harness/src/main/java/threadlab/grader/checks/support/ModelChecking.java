package threadlab.grader.checks.support;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;
import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.junit.jupiter.api.TestReporter;
import threadlab.grader.verdict.Reason;

/**
 * Runs a tiny concurrent scenario under Lincheck's model checker, which switches threads at every shared access,
 * lock, wait and notify of the scenario's threads and reports the first order that ends wrongly or never ends.
 *
 * <p>Lincheck is not on the harness's module path: the host puts it on the class path of the JVMs that run
 * {@link threadlab.grader.api.Explorer#LINCHECK} checks (see the harness's {@code lincheck-classpath.txt}), with the
 * JVM options {@code LincheckLaunch} gives them. Lincheck takes a global lock: one exploration at a time per JVM.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ModelChecking {

    /** Rows of Lincheck's interleaving table shown to a student; the rest is cut, with a note. */
    private static final int TRACE_LINES_SHOWN = 80;

    private ModelChecking() {
    }

    /**
     * What a passed exploration covered.
     *
     * @param runs  how many times Lincheck ran the scenario
     * @param bound the most it would have run: fewer runs means it explored every order
     */
    public record Explored(int runs, int bound) {

        /** Whether Lincheck stopped before its bound, having explored every order of the scenario. */
        public boolean exhaustive() {
            return runs < bound;
        }

        /** One line for the report of a passed check. */
        public String describe() {
            return exhaustive() ? "Every order of the threads explored by Lincheck's model checker (" + runs + " runs): "
                    + "all ended correctly."
                    : runs + " orders of the threads explored by Lincheck's model checker (its bound): all ended correctly.";
        }
    }

    /**
     * The key of the JUnit report entry that carries what a passed exploration covered; the harness makes it the
     * passed check's message.
     */
    public static final String EXPLORED = "threadlab.explored";

    /** As {@link #explore(int, Interleavings.Iteration)}, publishing what a passed exploration covered. */
    public static void explore(TestReporter reporter, int invocations, Interleavings.Iteration iteration) {
        reporter.publishEntry(EXPLORED, explore(invocations, iteration).describe());
    }

    /**
     * Explores {@code iteration} in at most {@code invocations} runs of Lincheck's model checker; fails with the
     * order Lincheck found if one breaks an assertion, throws, or never ends.
     */
    public static Explored explore(int invocations, Interleavings.Iteration iteration) {
        // Lincheck restores plain fields and arrays the scenario wrote (statics included) after each run, but not the
        // atomics the scenario captured: those count the runs and keep what the failing run threw.
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try {
            Lincheck.runConcurrentTest(invocations, () -> {
                runs.incrementAndGet();
                try {
                    iteration.run();
                } catch (RuntimeException | Error e) {
                    thrown.set(e);
                    throw e;
                } catch (Exception e) {
                    thrown.set(e);
                    throw new IllegalStateException(e);
                }
            });
        } catch (LincheckAssertionError found) {
            if (thrown.get() instanceof UnsupportedOperationException) {
                throw (UnsupportedOperationException) thrown.get(); // the stub: "not implemented yet"
            }
            throw failure(thrown.get(), found.getMessage(), runs.get());
        } catch (RuntimeException | LinkageError e) {
            if (thrown.get() != null) {
                throw failure(thrown.get(), null, runs.get()); // the student's code threw first: not Lincheck's fault
            }
            throw new ClassifiedFailure(Reason.ENGINE_ERROR, "Lincheck failed inside itself while exploring this "
                    + "scenario (" + e + ").", e);
        }
        return new Explored(runs.get(), invocations);
    }

    /**
     * Runs the bodies in parallel threads named {@code names}, waits for all of them without a time limit (a thread
     * that never ends is Lincheck's to report, with the order that blocked it), and rethrows the first failure.
     */
    public static void inParallel(List<String> names, List<Workers.ThrowingRunnable> bodies) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = Interleavings.started(names, bodies, failure);
        for (Thread thread : threads) {
            thread.join();
        }
        Interleavings.rethrow(failure.get());
    }

    private static ClassifiedFailure failure(Throwable thrown, String lincheckReport, int runs) {
        String order = "\n\nLincheck found this order after " + runs + " runs of the scenario. The order of the threads "
                + "that shows it (Lincheck's trace; the columns are the threads, read top to bottom):\n"
                + trace(lincheckReport);
        if (thrown instanceof ClassifiedFailure) {
            ClassifiedFailure classified = (ClassifiedFailure) thrown;
            return new ClassifiedFailure(classified.reason(), classified.getMessage() + order, classified);
        }
        if (thrown instanceof AssertionError) {
            return new ClassifiedFailure(Reason.ASSERTION, "In an order of the threads that Lincheck's model checker "
                    + "found: " + thrown.getMessage() + order, thrown);
        }
        if (thrown != null) {
            return new ClassifiedFailure(Reason.UNEXPECTED_EXCEPTION, "In an order of the threads that Lincheck's model "
                    + "checker found, your code threw " + thrown + "." + order, thrown);
        }
        return new ClassifiedFailure(Reason.DEADLOCK, "In an order of the threads that Lincheck's model checker found, "
                + "the scenario never ended: the threads below that did not finish wait forever, for a lock another "
                + "of them holds (a deadlock) or for a notify that never comes (a lost wake-up)." + order);
    }

    /** Lincheck's short interleaving table, trimmed to the student's code, without its detailed trace. */
    static String trace(String report) {
        if (report == null) {
            return "(Lincheck gave no trace)";
        }
        int start = report.indexOf("The following interleaving");
        int end = report.indexOf("Detailed trace:");
        String table = LincheckTrace.trim(report.substring(Math.max(0, start), end > start ? end : report.length()).strip());
        List<String> lines = table.lines().toList();
        if (lines.size() <= TRACE_LINES_SHOWN) {
            return table;
        }
        return String.join("\n", lines.subList(0, TRACE_LINES_SHOWN)) + "\n... (" + (lines.size() - TRACE_LINES_SHOWN)
                + " more rows)";
    }
}
