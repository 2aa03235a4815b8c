package threadlab.grader.checks.support;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Decides whether a concurrent history is linearizable: whether some sequential order of its
 * operations, consistent with real time, gives every operation the result it actually returned.
 *
 * <p>A search in the style of Wing and Gong: an operation may go first only if no other pending
 * operation finished before it started; the model says what it must return there. Failed
 * (linearized-set, state) pairs are memoized, which keeps the short histories the checks record
 * (up to about a dozen operations) cheap.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Linearizability {

    private Linearizability() {
    }

    /** The sequential specification: states are immutable values. */
    public interface Model<S> {
        S initial();

        /** Applies {@code call} to {@code state}: the next state and the result a correct object returns. */
        Step<S> apply(S state, Call call);
    }

    /** The outcome of one call on the model. */
    public record Step<S>(S next, Object result) {
    }

    /** One method call, e.g. {@code add(1)}. */
    public record Call(String method, Object argument) {
        @Override
        public String toString() {
            return method + "(" + (argument == null ? "" : argument) + ")";
        }
    }

    /** One completed operation of a history: who called what, what came back, and when (nanoTime). */
    public record Operation(String thread, Call call, Object result, long startNanos, long endNanos) {
    }

    /** A legal sequential order of {@code history}, or empty if there is none. */
    public static <S> Optional<List<Operation>> witness(List<Operation> history, Model<S> model) {
        if (history.size() > 62) {
            throw new IllegalArgumentException("histories of at most 62 operations, not " + history.size());
        }
        List<Operation> order = new ArrayList<>();
        boolean found = search(history, model, 0L, model.initial(), order, new HashSet<>());
        return found ? Optional.of(order) : Optional.empty();
    }

    private static <S> boolean search(List<Operation> history, Model<S> model, long done, S state, List<Operation> order,
            Set<Memo> failed) {
        if (Long.bitCount(done) == history.size()) {
            return true;
        }
        Memo memo = new Memo(done, state);
        if (failed.contains(memo)) {
            return false;
        }
        for (int i = 0; i < history.size(); i++) {
            if ((done & (1L << i)) != 0 || !canGoFirst(history, done, i)) {
                continue;
            }
            Operation op = history.get(i);
            Step<S> step = model.apply(state, op.call());
            if (Objects.equals(step.result(), op.result())) {
                order.add(op);
                if (search(history, model, done | (1L << i), step.next(), order, failed)) {
                    return true;
                }
                order.remove(order.size() - 1);
            }
        }
        failed.add(memo);
        return false;
    }

    /** No other pending operation ended before operation {@code i} started. */
    private static boolean canGoFirst(List<Operation> history, long done, int i) {
        long start = history.get(i).startNanos();
        for (int j = 0; j < history.size(); j++) {
            if (j != i && (done & (1L << j)) == 0 && history.get(j).endNanos() < start) {
                return false;
            }
        }
        return true;
    }

    /** The history as a per-thread timeline, for a failure message. */
    public static String describe(List<Operation> history) {
        long origin = history.stream().mapToLong(Operation::startNanos).min().orElse(0);
        StringBuilder text = new StringBuilder();
        history.stream().sorted(Comparator.comparing(Operation::thread).thenComparingLong(Operation::startNanos))
                .forEach(op -> text.append(String.format("  %-9s %-12s -> %-6s  (from %6.1f µs to %6.1f µs)%n", op.thread(),
                        op.call(), op.result(), (op.startNanos() - origin) / 1000.0, (op.endNanos() - origin) / 1000.0)));
        return text.toString();
    }

    private record Memo(long done, Object state) {
    }
}
