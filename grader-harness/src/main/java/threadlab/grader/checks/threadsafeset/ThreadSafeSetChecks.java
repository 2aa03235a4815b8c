package threadlab.grader.checks.threadsafeset;

import static threadlab.grader.checks.support.Verify.that;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.checks.support.ForbiddenApis;
import threadlab.grader.checks.support.GradingSeed;
import threadlab.grader.checks.support.Linearizability.Call;
import threadlab.grader.checks.support.Linearizability.Operation;
import threadlab.grader.checks.support.Linearizability;
import threadlab.grader.checks.support.StressRounds;
import threadlab.grader.checks.support.Verify;
import threadlab.grader.checks.support.Workers;
import threadlab.threadsafeset.ThreadSafeSet;

/** Checks of {@code threadlab.threadsafeset}. */
public class ThreadSafeSetChecks {

    private static final Duration LIMIT = Duration.ofSeconds(8);
    private final Workers workers = new Workers();

    @AfterEach
    void stopWorkers() {
        workers.close();
    }

    // ---- correctness ----------------------------------------------------------------------------

    @Property(tries = 200)
    @Check(id = "threadsafeset.sequential-model", category = Category.CORRECTNESS, points = 3,
            title = "Behaves like java.util.HashSet in random single-thread sequences")
    void sequentialModel(@ForAll("operations") List<SetOp> operations) {
        ThreadSafeSet<Integer> set = new ThreadSafeSet<>();
        Set<Integer> model = new HashSet<>();
        List<SetOp> done = new ArrayList<>();
        for (SetOp op : operations) {
            done.add(op);
            Object expected = op.apply(model);
            Object actual = op.apply(set);
            that(expected.equals(actual), "%s returned %s, but a HashSet returns %s. Whole sequence: %s", op, actual, expected, done);
        }
    }

    @Provide
    Arbitrary<List<SetOp>> operations() {
        Arbitrary<Integer> element = Arbitraries.integers().between(0, 5);
        Arbitrary<SetOp> op = Arbitraries.oneOf(
                element.map(e -> new SetOp("add", List.of(e))),
                element.map(e -> new SetOp("remove", List.of(e))),
                element.map(e -> new SetOp("contains", List.of(e))),
                element.list().ofMaxSize(4).map(es -> new SetOp("addAll", es)),
                Arbitraries.of("size", "isEmpty", "clear", "snapshot").map(m -> new SetOp(m, List.of())));
        return op.list().ofMaxSize(30);
    }

    /** One call of a random sequence; {@link #toString()} is what a shrunk counterexample shows. */
    static final class SetOp {
        final String method;
        final List<Integer> args;

        SetOp(String method, List<Integer> args) {
            this.method = method;
            this.args = args;
        }

        Object apply(Set<Integer> model) {
            switch (method) {
                case "add": return model.add(args.get(0));
                case "remove": return model.remove(args.get(0));
                case "contains": return model.contains(args.get(0));
                case "addAll": return model.addAll(args);
                case "size": return model.size();
                case "isEmpty": return model.isEmpty();
                case "clear": model.clear(); return "void";
                default: return new HashSet<>(model);
            }
        }

        Object apply(ThreadSafeSet<Integer> set) {
            switch (method) {
                case "add": return set.add(args.get(0));
                case "remove": return set.remove(args.get(0));
                case "contains": return set.contains(args.get(0));
                case "addAll": return set.addAll(args);
                case "size": return set.size();
                case "isEmpty": return set.isEmpty();
                case "clear": set.clear(); return "void";
                default: return new HashSet<>(set.snapshot());
            }
        }

        @Override
        public String toString() {
            return method + "(" + (method.equals("addAll") ? args.toString() : args.stream().map(String::valueOf).collect(Collectors.joining())) + ")";
        }
    }

    @Test
    @Check(id = "threadsafeset.linearizable", category = Category.CORRECTNESS, points = 4, timeoutSeconds = 20,
            title = "Concurrent add/remove/contains are linearizable")
    void linearizable() throws Throwable {
        Random random = GradingSeed.randomFor("threadsafeset.linearizable");
        for (int round = 0; round < 300; round++) {
            List<Operation> history = recordHistory(random, 3, 3);
            Optional<List<Operation>> order = Linearizability.witness(history, SetModel.INSTANCE);
            that(order.isPresent(), "No sequential order of these concurrent calls explains the results your set returned "
                    + "(round %d of 300). Every call must appear to take effect at one instant between its start and its "
                    + "end:%n%sLook for a check-then-act (e.g. contains() then add() as two steps) or an unguarded read.",
                    round + 1, Linearizability.describe(history));
        }
    }

    private List<Operation> recordHistory(Random random, int threads, int opsPerThread) throws Throwable {
        ThreadSafeSet<Integer> set = new ThreadSafeSet<>();
        List<List<Call>> plans = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Call> plan = new ArrayList<>();
            for (int i = 0; i < opsPerThread; i++) {
                plan.add(new Call(new String[] {"add", "remove", "contains"}[random.nextInt(3)], random.nextInt(2)));
            }
            plans.add(plan);
        }
        List<Operation> history = java.util.Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier start = new CyclicBarrier(threads);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Call> plan = plans.get(t);
            String name = "thread-" + (char) ('A' + t);
            all.add(workers.run(name, () -> {
                start.await();
                for (Call call : plan) {
                    long begin = System.nanoTime();
                    int element = (Integer) call.argument();
                    boolean result = call.method().equals("add") ? set.add(element)
                            : call.method().equals("remove") ? set.remove(element) : set.contains(element);
                    history.add(new Operation(name, call, result, begin, System.nanoTime()));
                }
            }));
        }
        Workers.awaitAll(all, LIMIT, "3 threads calling add/remove/contains");
        return history;
    }

    /** A set of small integers as a bit mask. */
    enum SetModel implements Linearizability.Model<Integer> {
        INSTANCE;

        @Override
        public Integer initial() {
            return 0;
        }

        @Override
        public Linearizability.Step<Integer> apply(Integer state, Call call) {
            int bit = 1 << (Integer) call.argument();
            boolean present = (state & bit) != 0;
            switch (call.method()) {
                case "add": return new Linearizability.Step<>(state | bit, !present);
                case "remove": return new Linearizability.Step<>(state & ~bit, present);
                default: return new Linearizability.Step<>(state, present);
            }
        }
    }

    @Test
    @Check(id = "threadsafeset.concurrent-adds", category = Category.CORRECTNESS, points = 2,
            title = "Concurrent adds keep every element, and each add reports a new element exactly once")
    void concurrentAdds() throws Throwable {
        StressRounds.atLeast(3).run("threadsafeset.concurrent-adds",
                random -> concurrentAddsRound(StressRounds.between(random, 2, MAX_THREADS)));
    }

    /** Each stress round adds this many elements from every thread; rounds go on for {@link StressRounds#BUDGET}. */
    private static final int ELEMENTS_PER_ROUND = 5_000;
    private static final int MAX_THREADS = 8;

    private void concurrentAddsRound(int threads) throws Throwable {
        ThreadSafeSet<Integer> set = new ThreadSafeSet<>();
        Set<Integer> reportedNew = ConcurrentHashMap.newKeySet();
        AtomicReference<String> duplicate = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            all.add(workers.run("adder-" + t, () -> {
                start.await();
                for (int i = 0; i < ELEMENTS_PER_ROUND; i++) { // every thread adds the same elements
                    if (set.add(i) && !reportedNew.add(i)) {
                        duplicate.compareAndSet(null, "add(" + i + ") returned true in two threads");
                    }
                }
            }));
        }
        start.countDown();
        String what = threads + " threads adding the same " + ELEMENTS_PER_ROUND + " elements 0.." + (ELEMENTS_PER_ROUND - 1);
        Workers.awaitAll(all, LIMIT, what);
        that(duplicate.get() == null, "%s (%s): only the first add of an element may report it as new.", duplicate.get(),
                what);
        that(set.size() == ELEMENTS_PER_ROUND, "%s: size() is %d instead of %d.", what, set.size(), ELEMENTS_PER_ROUND);
        that(reportedNew.size() == ELEMENTS_PER_ROUND, "%s: only %d of them were reported as new by some add().", what,
                reportedNew.size());
    }

    @Test
    @Check(id = "threadsafeset.contains-while-growing", category = Category.CORRECTNESS, points = 2,
            title = "contains() finds what is in the set while other threads add")
    void containsWhileGrowing() throws Throwable {
        StressRounds.atLeast(3, GROWING_FOR).run("threadsafeset.contains-while-growing",
                random -> containsWhileGrowingRound(StressRounds.between(random, 1, 2)));
    }

    /**
     * Twice the usual stress budget: with one core per grading (two gradings at once), a contains() without the read
     * lock passed one of ten one-second runs (the mutation run) and one CI fixture sweep.
     */
    private static final Duration GROWING_FOR = StressRounds.BUDGET.multipliedBy(2);

    /** Elements in the set before a growing round starts, which its readers look for. */
    private static final int PRESENT = 64;
    /** A growing round adds the elements below this one: a hash set's table is rebuilt about eight times meanwhile. */
    private static final int GROWN_TO = 20_000;
    private static final int GROWTH_BATCH = 100;

    private void containsWhileGrowingRound(int readers) throws Throwable {
        ThreadSafeSet<Integer> set = new ThreadSafeSet<>();
        for (int i = 0; i < PRESENT; i++) {
            set.add(i);
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<String> missed = new AtomicReference<>();
        List<CompletableFuture<Void>> observers = new ArrayList<>();
        for (int t = 0; t < readers; t++) {
            observers.add(workers.observe("contains-" + t, () -> {
                for (int k = 0; writing.get() && missed.get() == null; k = (k + 1) % PRESENT) {
                    if (!set.contains(k)) {
                        missed.compareAndSet(null, "contains(" + k + ") returned false");
                    }
                }
            }));
        }
        // In batches: the table is rebuilt as often, with fewer calls (and fewer pauses of the noise) in between.
        CompletableFuture<Void> writer = workers.run("writer", () -> {
            for (int from = PRESENT; from < GROWN_TO && missed.get() == null; from += GROWTH_BATCH) {
                set.addAll(IntStream.range(from, Math.min(from + GROWTH_BATCH, GROWN_TO)).boxed().toList());
            }
        });
        try {
            Workers.await(writer, LIMIT, "a thread adding " + PRESENT + ".." + (GROWN_TO - 1) + " with addAll");
        } finally {
            writing.set(false);
        }
        Workers.awaitAll(observers, LIMIT, readers + " threads calling contains()");
        that(missed.get() == null, "%s while another thread added other elements, although it had been in the set all "
                + "along. A growing hash set rebuilds its table now and then; a read without the lock can look while "
                + "half of the elements have moved. Read under the lock that guards the writes (a read lock is enough).",
                missed.get());
    }

    @Test
    @Check(id = "threadsafeset.addall-atomic", category = Category.CORRECTNESS, points = 3,
            title = "No thread ever sees addAll half done")
    void addAllAtomic() throws Throwable {
        int batch = 50;
        // A fresh set every few batches keeps snapshot() cheap, so the readers look often.
        int batchesPerSet = 20;
        AtomicReference<ThreadSafeSet<Integer>> current = new AtomicReference<>(new ThreadSafeSet<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<String> torn = new AtomicReference<>();
        List<CompletableFuture<Void>> observers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            observers.add(workers.observe(String.valueOf(t), () -> {
                while (writing.get() && torn.get() == null) {
                    ThreadSafeSet<Integer> set = current.get();
                    int size = set.size();
                    int snapshot = set.snapshot().size();
                    if (size % batch != 0 || snapshot % batch != 0) {
                        torn.compareAndSet(null, "size() = " + size + ", snapshot().size() = " + snapshot);
                    }
                }
            }));
        }
        StressRounds rounds = StressRounds.atLeast(400, ADDALL_ROUNDS_FOR);
        CompletableFuture<Void> writer = workers.run("writer", () -> {
            for (int round = 0; torn.get() == null && rounds.another(); round++) {
                if (round % batchesPerSet == 0) {
                    current.set(new ThreadSafeSet<>());
                }
                int base = (round % batchesPerSet) * batch;
                current.get().addAll(IntStream.range(base, base + batch).boxed().collect(Collectors.toList()));
            }
        });
        try {
            Workers.await(writer, ADDALL_ROUNDS_FOR.plus(LIMIT), "a thread calling addAll with batches of " + batch);
        } finally {
            writing.set(false);
        }
        Workers.awaitAll(observers, LIMIT, "the observers");
        that(torn.get() == null, "A writer added batches of %d elements with addAll while other threads read the set; "
                + "a reader saw %s, which is not a multiple of %d: it saw an addAll half done. Hold the lock for the "
                + "whole addAll, not per element.", batch, torn.get(), batch);
    }

    private static final Duration ADDALL_ROUNDS_FOR = Duration.ofSeconds(1);

    @Test
    @Check(id = "threadsafeset.snapshot", category = Category.CORRECTNESS, points = 2,
            title = "snapshot() is an unmodifiable copy taken at one instant")
    void snapshotIsACopy() throws Throwable {
        ThreadSafeSet<String> set = new ThreadSafeSet<>();
        set.addAll(List.of("a", "b"));
        Set<String> snapshot = set.snapshot();
        set.add("c");
        set.remove("a");
        that(snapshot.equals(Set.of("a", "b")), "After snapshot() returned {a, b}, the set changed, and the snapshot "
                + "now reads %s. It must be a copy, not a live view.", snapshot);
        Verify.throwsA(UnsupportedOperationException.class, () -> snapshot.add("x"), "Adding to a snapshot");
        // Under concurrent writes, taking a snapshot must never fail or see a torn set.
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> writer = workers.run("writer", () -> {
            for (int i = 0; writing.get(); i++) {
                set.add("e" + (i % 500));
                set.remove("e" + ((i + 250) % 500));
            }
        });
        try {
            for (int i = 0; i < 2_000; i++) {
                Set<String> copy = set.snapshot();
                that(copy.size() == new ArrayList<>(copy).size(), "A snapshot's size() disagrees with its contents.");
            }
        } finally {
            writing.set(false);
        }
        Workers.await(writer, LIMIT, "the writer");
    }

    // ---- contract -------------------------------------------------------------------------------

    @Test
    @Check(id = "threadsafeset.nulls", category = Category.CONTRACT, points = 2,
            title = "null arguments throw NullPointerException, and addAll with a null adds nothing")
    void nulls() {
        ThreadSafeSet<String> set = new ThreadSafeSet<>();
        Verify.throwsA(NullPointerException.class, () -> set.add(null), "add(null)");
        Verify.throwsA(NullPointerException.class, () -> set.remove(null), "remove(null)");
        Verify.throwsA(NullPointerException.class, () -> set.contains(null), "contains(null)");
        Verify.throwsA(NullPointerException.class, () -> set.addAll(null), "addAll(null)");
        Verify.throwsA(NullPointerException.class, () -> set.addAll(Arrays.asList("x", null, "y")), "addAll([x, null, y])");
        that(set.isEmpty(), "addAll([x, null, y]) threw, but left %s in the set; it must add nothing.", set.snapshot());
    }

    // ---- policy ---------------------------------------------------------------------------------

    @Test
    @Check(id = "threadsafeset.policy", category = Category.POLICY, points = 1,
            title = "Uses java.util collections with locks, not java.util.concurrent collections")
    void policy() {
        ForbiddenApis.assertNone(ThreadSafeSet::new, ForbiddenApis.find("threadlab.threadsafeset", c -> true, type ->
                        (type.startsWith("java.util.concurrent.") && !type.startsWith("java.util.concurrent.locks."))
                        || type.startsWith("java.util.Collections.synchronized")),
                "threadsafeset may use java.util collections guarded by synchronized or java.util.concurrent.locks, but "
                        + "nothing else from java.util.concurrent and no Collections.synchronized*.");
    }
}
