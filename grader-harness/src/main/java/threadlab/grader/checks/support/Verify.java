package threadlab.grader.checks.support;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/** Small assertions whose messages are written for students. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Verify {

    private Verify() {
    }

    /** Fails with {@code message} unless {@code condition} holds. */
    public static void that(boolean condition, String message, Object... args) {
        if (!condition) {
            throw new AssertionError(String.format(message, args));
        }
    }

    /** {@code text} ending with a full stop (or its own ? or !), so that a sentence can follow it. */
    public static String sentence(String text) {
        String trimmed = String.valueOf(text).strip();
        return trimmed.endsWith(".") || trimmed.endsWith("?") || trimmed.endsWith("!") ? trimmed : trimmed + ".";
    }

    /**
     * Runs {@code call} and returns what it threw; fails if it returned normally or threw something
     * other than {@code expected}.
     */
    public static <X extends Throwable> X throwsA(Class<X> expected, Callable<?> call, String scenario) {
        Object returned;
        try {
            returned = call.call();
        } catch (Throwable thrown) {
            if (expected.isInstance(thrown)) {
                return expected.cast(thrown);
            }
            if (thrown instanceof UnsupportedOperationException) {
                throw (UnsupportedOperationException) thrown; // the stub: reported as "not implemented yet"
            }
            if (thrown instanceof AssertionError) {
                throw (AssertionError) thrown;
            }
            throw new AssertionError(scenario + ": expected " + expected.getSimpleName() + " but your code threw "
                    + thrown + ".", thrown);
        }
        throw new AssertionError(scenario + ": expected " + expected.getSimpleName() + " but the call "
                + (returned == null ? "returned normally" : "returned " + returned) + ".");
    }

    /** Milliseconds elapsed since {@code startNanos}. */
    public static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
