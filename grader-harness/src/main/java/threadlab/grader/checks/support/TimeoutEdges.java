package threadlab.grader.checks.support;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * The edges of a timeout, where a student's arithmetic goes wrong: a timeout that rounds down to 0 ms and becomes
 * {@code wait(0)} (which waits until someone notifies), a negative one that reaches {@code wait} (which throws), and
 * one so long that {@code now + timeout} overflows and the call gives up at once.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TimeoutEdges {

    /** A timeout as a caller passes it, and how a message shows it. */
    public record Timeout(long amount, TimeUnit unit, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** Timeouts that are over before they start: on an object where the call cannot succeed, it gives up at once. */
    public static final List<Timeout> OVER_AT_ONCE = List.of(new Timeout(0, TimeUnit.MILLISECONDS, "0 ms"),
            new Timeout(-5, TimeUnit.MILLISECONDS, "-5 ms"), new Timeout(1, TimeUnit.NANOSECONDS, "1 ns"),
            new Timeout(500, TimeUnit.MICROSECONDS, "500 µs"));

    /**
     * A timeout that never runs out. A deadline computed as {@code now + timeout} overflows (in milliseconds, and in
     * nanoseconds, where {@code toNanos} saturates at {@code Long.MAX_VALUE}) and, compared with {@code now}, looks
     * long past; only the difference {@code deadline - now} stays right.
     */
    public static final Timeout ENDLESS = new Timeout(Long.MAX_VALUE, TimeUnit.MILLISECONDS, "Long.MAX_VALUE ms");

    /** How long a call with a timeout that is over at once may take to give up (a slow machine included). */
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    /** One timed call, which asserts its own outcome. */
    @FunctionalInterface
    public interface TimedCall {
        void call(Timeout timeout) throws Exception;
    }

    /** One timed call that returns its outcome. */
    @FunctionalInterface
    public interface TimedResult<T> {
        T call(long amount, TimeUnit unit) throws Exception;
    }

    private TimeoutEdges() {
    }

    /**
     * Starts {@code call} with {@link #ENDLESS} in a thread named {@code patient} and fails unless it waits (rather
     * than giving up at once); returns its outcome, for the caller to release it and check what it returned.
     *
     * @param name  the call, for the message: {@code "tryLock"}
     * @param state the object's state, for the message: {@code "on a held lock"}
     */
    public static <T> CompletableFuture<T> startWaitingEndlessly(Workers workers, String name, String state,
            Duration limit, TimedResult<T> call) {
        CompletableFuture<T> patient = workers.start("patient", () -> call.call(ENDLESS.amount(), ENDLESS.unit()));
        Blocking.awaitWaiting(workers.thread("patient"), limit, name + "(" + ENDLESS + ") " + state);
        Verify.that(!patient.isDone(), "%s(%s) %s gave up at once; does now + timeout overflow?", name, ENDLESS, state);
        return patient;
    }

    /**
     * Makes {@code call} with each of {@link #OVER_AT_ONCE}, each in a thread of its own, and fails unless each
     * returns within two seconds.
     *
     * @param what the call and the object's state, for the message: {@code "tryLock on a held lock"}
     */
    public static void eachOverAtOnce(Workers workers, String what, TimedCall call) throws Throwable {
        for (Timeout timeout : OVER_AT_ONCE) {
            Workers.await(workers.run("timeout-" + timeout.amount() + "-" + timeout.unit(), () -> call.call(timeout)),
                    PROMPTLY, what + " with a timeout of " + timeout + " (a timeout that rounds down to 0 ms must give "
                            + "up, not call wait(0), which waits until someone notifies)");
        }
    }
}
