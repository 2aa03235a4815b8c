package threadlab.grader.checks.poolexecutor;

import static threadlab.grader.checks.support.Verify.that;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.checks.support.Blocking;
import threadlab.grader.checks.support.ForbiddenApis;
import threadlab.grader.checks.support.StressRounds;
import threadlab.grader.checks.support.TimeoutEdges;
import threadlab.grader.checks.support.TimeoutEdges.Timeout;
import threadlab.grader.checks.support.Verify;
import threadlab.grader.checks.support.Visibility;
import threadlab.grader.checks.support.Workers;
import threadlab.poolexecutor.PoolExecutor;
import threadlab.poolexecutor.TaskFuture;

/** Checks of {@code threadlab.poolexecutor}. */
public class PoolExecutorChecks {

    private static final Duration LIMIT = Duration.ofSeconds(8);
    /** How many tasks of {@code each-task-once} finish only once a thread waits for them, one at a time. */
    private static final int WAITED_FOR = 30;
    private final Workers workers = new Workers();
    private final List<PoolExecutor> pools = new ArrayList<>();
    private final List<CountDownLatch> gates = new ArrayList<>();

    /** A pool that is shut down after the check, whatever happens. */
    private PoolExecutor pool(int size) {
        PoolExecutor pool = new PoolExecutor(size);
        pools.add(pool);
        return pool;
    }

    /** A latch tasks wait on; opened after the check so no task waits forever. */
    private CountDownLatch gate() {
        CountDownLatch gate = new CountDownLatch(1);
        gates.add(gate);
        return gate;
    }

    @AfterEach
    void cleanUp() {
        gates.forEach(CountDownLatch::countDown);
        for (PoolExecutor pool : pools) {
            try {
                pool.shutdown();
            } catch (RuntimeException ignored) {
                // a broken shutdown is charged by its own check
            }
        }
        workers.close();
    }

    private static Object await(CountDownLatch gate) throws InterruptedException {
        if (!gate.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the check never opened this gate");
        }
        return null;
    }

    private static <T> T get(TaskFuture<T> future, String what) throws Exception {
        try {
            return future.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + ": get() did not return within " + LIMIT.toSeconds() + " s.\n"
                    + threadlab.grader.checks.support.HangDiagnosis.describe());
        }
    }

    // ---- correctness ----------------------------------------------------------------------------

    @Test
    @Check(id = "poolexecutor.each-task-once", category = Category.CORRECTNESS, points = 3,
            title = "Every submitted task runs exactly once and its future holds its result")
    void eachTaskOnce() throws Throwable {
        PoolExecutor pool = pool(3);
        AtomicIntegerArray runs = new AtomicIntegerArray(300 + WAITED_FOR);
        List<TaskFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            futures.add(pool.submit(task(i, runs)));
        }
        // The untimed get() and exception(), read by a thread of the check's own (its wait bounded by the check).
        Workers.await(workers.run("reader", () -> {
            for (int i = 0; i < futures.size(); i++) {
                readOutcome(i, futures.get(i));
            }
        }), LIMIT, "Reading the 300 futures with get() and exception()");
        // And tasks that finish only once a thread waits for them: with the scheduling noise some of those waits
        // wake up spuriously, which only a wait in a loop survives.
        for (int i = 0; i < WAITED_FOR; i++) {
            CountDownLatch gate = gate();
            int n = 300 + i;
            TaskFuture<Integer> future = pool.submit(() -> {
                await(gate);
                return task(n, runs).call();
            });
            CompletableFuture<Void> reader = workers.run("waiter-" + i, () -> readOutcome(n, future));
            Blocking.awaitWaiting(workers.thread("waiter-" + i), LIMIT, "get() or exception() of a task that is not done");
            gate.countDown();
            Workers.await(reader, LIMIT, "get() or exception() of a task that completed while the thread waited");
        }
        for (int i = 0; i < runs.length(); i++) {
            that(runs.get(i) == 1, "Task %d ran %d times; every task must run exactly once (also after a task threw).",
                    i, runs.get(i));
        }
    }

    /** Task {@code n} of {@code each-task-once}: counts its run, fails if {@code n} is a multiple of 7, else 2n. */
    private static Callable<Integer> task(int n, AtomicIntegerArray runs) {
        return () -> {
            runs.incrementAndGet(n);
            if (n % 7 == 0) {
                throw new IllegalStateException("task " + n + " fails on purpose");
            }
            return n * 2;
        };
    }

    /** Reads task {@code n}'s outcome with the untimed exception() or get(), checking it. */
    private static void readOutcome(int n, TaskFuture<Integer> future) throws Exception {
        if (n % 7 == 0) {
            Throwable thrown = future.exception();
            that(thrown instanceof IllegalStateException, "exception() of task %d, which threw IllegalStateException, "
                    + "returned %s.", n, thrown);
            ExecutionException failure = Verify.throwsA(ExecutionException.class, future::get, "get() of a task that threw");
            that(failure.getCause() == thrown, "get() of a failed task threw ExecutionException with cause %s; the cause "
                    + "must be what the task threw.", failure.getCause());
        } else {
            Integer result = future.get();
            that(Objects.equals(result, n * 2), "The future of task %d holds %s instead of %d.", n, result, n * 2);
        }
    }

    @Test
    @Check(id = "poolexecutor.bounded-workers", category = Category.CORRECTNESS, points = 3,
            title = "Never more than `workers` tasks at once, on at most `workers` reused threads")
    void boundedWorkers() throws Throwable {
        AtomicInteger mostAtOnce = new AtomicInteger();
        StressRounds.atLeast(3).run("poolexecutor.bounded-workers", random -> mostAtOnce.accumulateAndGet(
                boundedWorkersRound(StressRounds.between(random, 2, 4), StressRounds.between(random, 1, 3)), Math::max));
        that(mostAtOnce.get() >= 2, "Pools of 2 to 4 workers never ran 2 tasks at the same time: the pool works like one "
                + "thread.");
    }

    /** The bounded-workers check runs rounds of this many short tasks for {@link StressRounds#BUDGET}. */
    private static final int TASKS_PER_ROUND = 200;

    /** One round: {@code submitters} threads submit short tasks to a fresh pool; returns the most that ran at once. */
    private int boundedWorkersRound(int size, int submitters) throws Throwable {
        PoolExecutor pool = pool(size);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Callable<Void> task = () -> {
            threads.add(Thread.currentThread());
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
            running.decrementAndGet();
            return null;
        };
        List<CompletableFuture<List<TaskFuture<Void>>>> submitting = new ArrayList<>();
        for (int s = 0; s < submitters; s++) {
            submitting.add(workers.start("submitter-" + s, () -> {
                List<TaskFuture<Void>> futures = new ArrayList<>();
                for (int i = 0; i < TASKS_PER_ROUND / submitters; i++) {
                    futures.add(pool.submit(task));
                }
                return futures;
            }));
        }
        String what = submitters + " threads submitting " + TASKS_PER_ROUND + " short tasks to a pool of " + size + " workers";
        for (CompletableFuture<List<TaskFuture<Void>>> submitter : submitting) {
            for (TaskFuture<Void> future : Workers.await(submitter, LIMIT, what)) {
                get(future, "one of " + TASKS_PER_ROUND + " short tasks");
            }
        }
        that(maxRunning.get() <= size, "%s: the pool ran %d tasks at the same time.", what, maxRunning.get());
        that(threads.size() <= size, "%s: the pool ran them on %d different threads. Workers must be reused, not one "
                + "thread started per task.", what, threads.size());
        return maxRunning.get();
    }

    @Test
    @Check(id = "poolexecutor.submission-order", category = Category.CORRECTNESS, points = 1,
            title = "Tasks start in submission order")
    void submissionOrder() throws Throwable {
        PoolExecutor pool = pool(1);
        // The only worker is kept busy while the 50 tasks are submitted: they all wait in the queue, so the order
        // in which they leave it shows (a worker that kept up with the submissions would hide a LIFO queue).
        CountDownLatch gate = gate();
        CountDownLatch busy = new CountDownLatch(1);
        TaskFuture<Object> blocker = pool.submit(() -> {
            busy.countDown();
            return await(gate);
        });
        that(busy.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS),
                "The first task submitted to a pool of one worker did not start within %d s.", LIMIT.toSeconds());
        List<Integer> started = new CopyOnWriteArrayList<>();
        List<TaskFuture<Void>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                started.add(n);
            }));
        }
        gate.countDown();
        get(blocker, "a task that waited for the check");
        for (TaskFuture<Void> future : futures) {
            get(future, "one of 50 tasks on a single worker");
        }
        that(started.equals(IntStream.range(0, 50).boxed().collect(Collectors.toList())),
                "On a single worker, 50 tasks queued behind a busy one started in the order %s; they must start in "
                        + "submission order (take tasks from the head of a FIFO queue).", started);
    }

    @Property(tries = 40)
    @Check(id = "poolexecutor.map-model", category = Category.CORRECTNESS, points = 3, timeoutSeconds = 20,
            title = "map gives the same results as a sequential map, in input order, and the first failure by input order")
    void mapModel(@ForAll @IntRange(min = 1, max = 4) int size, @ForAll("items") List<Integer> items)
            throws InterruptedException {
        PoolExecutor pool = pool(size);
        Function<Integer, Integer> fn = x -> {
            // Calls take 0-2 ms depending on the item, so they complete out of input order.
            java.util.concurrent.locks.LockSupport.parkNanos(Math.floorMod(x, 3) * 1_000_000L);
            if (x < 0 && x % 3 == 0) {
                throw new IllegalArgumentException("item " + x);
            }
            return x * x + 1;
        };
        Integer firstFailing = items.stream().filter(x -> x < 0 && x % 3 == 0).findFirst().orElse(null);
        try {
            List<Integer> results = pool.map(fn, items);
            that(firstFailing == null, "map(fn, %s) returned %s, but fn throws for item %d: map must throw ExecutionException.",
                    items, results, firstFailing);
            List<Integer> expected = items.stream().map(fn).collect(Collectors.toList());
            that(expected.equals(results), "map(x -> x*x+1, %s) on %d workers returned %s, expected %s (results in the "
                    + "order of the items).", items, size, results, expected);
        } catch (ExecutionException e) {
            that(firstFailing != null, "map(fn, %s) threw %s although no item fails.", items, e);
            that(("item " + firstFailing).equals(e.getCause().getMessage()), "map(fn, %s) reported the failure of '%s'; "
                    + "it must report the first failing item in input order, item %d.", items, e.getCause().getMessage(),
                    firstFailing);
        } finally {
            pool.shutdown();
        }
    }

    @Provide
    Arbitrary<List<Integer>> items() {
        return Arbitraries.integers().between(-20, 20).list().ofMaxSize(25);
    }

    @Test
    @Check(id = "poolexecutor.map-cancels", category = Category.CORRECTNESS, points = 2,
            title = "A failing map cancels the calls that have not started")
    void mapCancels() throws Throwable {
        PoolExecutor pool = pool(1);
        AtomicInteger ran = new AtomicInteger();
        List<Integer> items = IntStream.range(0, 40).boxed().collect(Collectors.toList());
        ExecutionException e = Verify.throwsA(ExecutionException.class, () -> pool.map(x -> {
            ran.incrementAndGet();
            if (x == 0) {
                throw new IllegalStateException("first item fails");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
            return x;
        }, items), "map where the first item fails");
        that(e.getCause() instanceof IllegalStateException, "map threw ExecutionException with cause %s.", e.getCause());
        pool.shutdown();
        that(pool.awaitTermination(5, TimeUnit.SECONDS), "The pool did not terminate after a failed map.");
        that(ran.get() < 20, "After the first item failed, %d of 40 calls still ran: map must cancel the calls that have "
                + "not started.", ran.get());
    }

    @Test
    @Check(id = "poolexecutor.map-timeout", category = Category.CORRECTNESS, points = 1,
            title = "The timed map throws TimeoutException and cancels what has not started")
    void mapTimeout() throws Throwable {
        PoolExecutor pool = pool(2);
        CountDownLatch gate = gate();
        AtomicInteger started = new AtomicInteger();
        long start = System.nanoTime();
        Verify.throwsA(TimeoutException.class, () -> pool.map(x -> {
            started.incrementAndGet();
            try {
                await(gate);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return x;
        }, List.of(1, 2, 3, 4, 5, 6, 7, 8), 200, TimeUnit.MILLISECONDS), "map(fn, 8 items, 200 ms) with calls that never finish");
        that(Verify.millisSince(start) < 3_000, "The timed map returned after %d ms; its timeout was 200 ms.", Verify.millisSince(start));
        gate.countDown();
        pool.shutdown();
        that(pool.awaitTermination(5, TimeUnit.SECONDS), "The pool did not terminate after a timed-out map.");
        that(started.get() == 2, "%d of 8 calls started, though only the 2 running ones had started when the timeout "
                + "passed: the others must be cancelled.", started.get());
    }

    @Test
    @Check(id = "poolexecutor.as-completed", category = Category.CORRECTNESS, points = 2,
            title = "asCompleted yields each future once, in completion order")
    void asCompleted() throws Throwable {
        PoolExecutor pool = pool(3);
        CountDownLatch first = gate();
        CountDownLatch second = gate();
        CountDownLatch third = gate();
        TaskFuture<String> c = pool.submit(() -> {
            await(third);
            return "c";
        });
        TaskFuture<String> a = pool.submit(() -> {
            await(first);
            return "a";
        });
        TaskFuture<String> b = pool.submit(() -> {
            await(second);
            return "b";
        });
        CompletableFuture<List<String>> order = workers.start("consumer", () -> {
            List<String> seen = new ArrayList<>();
            CountDownLatch[] next = {second, third};
            int i = 0;
            for (TaskFuture<String> done : PoolExecutor.asCompleted(List.of(c, a, b))) {
                seen.add(done.get());
                if (i < next.length) {
                    next[i++].countDown();
                }
            }
            return seen;
        });
        first.countDown();
        List<String> seen = Workers.await(order, LIMIT, "iterating asCompleted");
        that(seen.equals(List.of("a", "b", "c")), "Futures completed in the order a, b, c; asCompleted yielded %s.", seen);
    }

    @Test
    @Check(id = "poolexecutor.callbacks", category = Category.CORRECTNESS, points = 2,
            title = "onDone callbacks run once each, in order, even if one throws")
    void callbacks() throws Throwable {
        PoolExecutor pool = pool(1);
        CountDownLatch gate = gate();
        TaskFuture<Object> future = pool.submit(() -> await(gate));
        List<String> calls = new CopyOnWriteArrayList<>();
        future.onDone(f -> calls.add("first"));
        future.onDone(f -> {
            throw new IllegalStateException("a callback that throws (on purpose)");
        });
        future.onDone(f -> calls.add("third:" + f.isDone()));
        gate.countDown();
        get(future, "the task");
        pool.shutdown();
        that(pool.awaitTermination(5, TimeUnit.SECONDS), "The pool did not terminate.");
        Thread caller = Thread.currentThread();
        AtomicBoolean inCaller = new AtomicBoolean();
        future.onDone(f -> inCaller.set(Thread.currentThread() == caller));
        that(calls.equals(List.of("first", "third:true")), "Callbacks ran as %s; expected [first, third:true]: each once, "
                + "in the order added, after the future is done, and a throwing callback must not stop the others.", calls);
        that(inCaller.get(), "A callback added to a done future must run at once, in the caller's thread.");
    }

    @Test
    @Check(id = "poolexecutor.callbacks-race-completion", category = Category.CORRECTNESS, points = 2,
            title = "Callbacks added by several threads while the task completes each run exactly once")
    void callbacksRaceCompletion() throws Throwable {
        PoolExecutor pool = pool(2);
        StressRounds rounds = StressRounds.atLeast(20);
        while (rounds.another()) {
            callbacksRound(pool);
        }
    }

    /**
     * Three threads keep adding callbacks until the task is done (it completes while they are at it); each callback
     * must run exactly once.
     */
    private void callbacksRound(PoolExecutor pool) throws Throwable {
        int adders = 3;
        int most = 5_000;
        CountDownLatch gate = gate();
        TaskFuture<Object> future = pool.submit(() -> await(gate));
        AtomicIntegerArray runs = new AtomicIntegerArray(adders * most);
        AtomicIntegerArray added = new AtomicIntegerArray(adders);
        AtomicInteger ranAtLeastOnce = new AtomicInteger();
        CountDownLatch adding = new CountDownLatch(adders);
        List<CompletableFuture<Void>> adderThreads = new ArrayList<>();
        for (int a = 0; a < adders; a++) {
            int adder = a;
            adderThreads.add(workers.run("adder-" + a, () -> {
                // Until the future is done: a callback added later (onDone of a done future) could run a lost one.
                for (int i = 0; i < most && (i <= 20 || !future.isDone()); i++) {
                    int callback = adder * most + i;
                    future.onDone(f -> {
                        if (runs.incrementAndGet(callback) == 1) {
                            ranAtLeastOnce.incrementAndGet();
                        }
                    });
                    added.set(adder, i + 1);
                    if (i == 20) {
                        adding.countDown();
                    }
                }
            }));
        }
        that(adding.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS), "Three threads adding callbacks to a future that "
                + "is not done did not get through 20 onDone() calls each within %d s.", LIMIT.toSeconds());
        gate.countDown(); // the task completes while the callbacks are being added
        Workers.awaitAll(adderThreads, LIMIT, "Three threads adding callbacks while the task completed");
        get(future, "the task");
        // Callbacks added before the completion run in the completing thread, maybe still running now.
        int total = 0;
        for (int a = 0; a < adders; a++) {
            total += added.get(a);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (ranAtLeastOnce.get() < total && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        for (int a = 0; a < adders; a++) {
            for (int i = 0; i < added.get(a); i++) {
                int times = runs.get(a * most + i);
                that(times == 1, "Three threads kept adding callbacks while the task completed; callback %d of thread %d "
                        + "ran %d times. A callback added at the moment of completion must run exactly once: either the "
                        + "completion runs it or onDone does, decided under one lock.", i, a, times);
            }
        }
    }

    @Test
    @Check(id = "poolexecutor.no-leaked-workers", category = Category.CORRECTNESS, points = 2,
            title = "After termination no worker thread is alive")
    void noLeakedWorkers() throws Throwable {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        PoolExecutor pool = pool(3);
        Set<Thread> poolThreads = ConcurrentHashMap.newKeySet();
        List<TaskFuture<Boolean>> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            futures.add(pool.submit(() -> poolThreads.add(Thread.currentThread())));
        }
        for (TaskFuture<Boolean> future : futures) {
            get(future, "one of 10 tiny tasks");
        }
        for (Thread worker : poolThreads) {
            Blocking.awaitWaiting(worker, LIMIT, "an idle worker"); // idle workers are the ones shutdown() must wake
        }
        pool.shutdown();
        boolean terminated = pool.awaitTermination(5, TimeUnit.SECONDS);
        List<String> leaked = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !t.getName().startsWith("threadlab-grader"))
                .map(Thread::getName).collect(Collectors.toList());
        that(leaked.isEmpty(), "After shutdown() and awaitTermination(5 s), these threads started by the pool are still "
                + "alive: %s. Idle workers must wake up at shutdown() and end.", leaked);
        that(terminated, "awaitTermination(5 s) returned false for a shut-down pool whose 10 tiny tasks were done.");
        that(pool.isTerminated(), "isTerminated() is false after awaitTermination returned true.");
    }

    // ---- contract -------------------------------------------------------------------------------

    @Test
    @Check(id = "poolexecutor.arguments", category = Category.CONTRACT, points = 1,
            title = "workers < 1 throws IllegalArgumentException; submit after shutdown() is rejected")
    void arguments() {
        Verify.throwsA(IllegalArgumentException.class, () -> new PoolExecutor(0), "new PoolExecutor(0)");
        PoolExecutor pool = pool(2);
        that(pool.workers() == 2, "workers() returned %d for a pool of 2.", pool.workers());
        that(!pool.isShutdown(), "isShutdown() is true before shutdown().");
        pool.shutdown();
        that(pool.isShutdown(), "isShutdown() is false after shutdown().");
        Verify.throwsA(RejectedExecutionException.class, () -> pool.submit(() -> 1), "submit(callable) after shutdown()");
        Verify.throwsA(RejectedExecutionException.class, () -> pool.submit(() -> { }), "submit(runnable) after shutdown()");
    }

    @Test
    @Check(id = "poolexecutor.cancel", category = Category.CONTRACT, points = 2,
            title = "A task cancelled before it starts never runs; its future says so")
    void cancel() throws Throwable {
        PoolExecutor pool = pool(1);
        CountDownLatch gate = gate();
        CountDownLatch started = new CountDownLatch(1);
        TaskFuture<Object> blocker = pool.submit(() -> {
            started.countDown();
            return await(gate);
        });
        // Only once the one worker is busy is the next task sure to wait in the queue, whatever order the pool
        // takes its tasks in (start order has a check of its own).
        that(started.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS), "A task submitted to an idle pool did not start.");
        AtomicBoolean ran = new AtomicBoolean();
        TaskFuture<Void> queued = pool.submit(() -> ran.set(true));
        that(!queued.isDone() && !queued.isRunning(), "A queued task's future says done=%s, running=%s.", queued.isDone(), queued.isRunning());
        that(queued.cancel(false), "cancel(false) of a task that has not started returned false.");
        that(queued.isCancelled() && queued.isDone(), "After cancel: isCancelled()=%s, isDone()=%s; both must be true.",
                queued.isCancelled(), queued.isDone());
        that(!queued.cancel(false), "A second cancel() returned true.");
        Verify.throwsA(CancellationException.class, queued::get, "get() of a cancelled task");
        Verify.throwsA(CancellationException.class, queued::exception, "exception() of a cancelled task");
        gate.countDown();
        get(blocker, "the task before the cancelled one");
        pool.shutdown();
        that(pool.awaitTermination(5, TimeUnit.SECONDS), "The pool did not terminate.");
        that(!ran.get(), "A task cancelled before it started ran anyway.");
    }

    @Test
    @Check(id = "poolexecutor.wakes-all-waiters", category = Category.CONTRACT, points = 1,
            title = "Completing or cancelling a task wakes every thread waiting for it")
    void wakesAllWaiters() throws Throwable {
        PoolExecutor pool = pool(1);
        CountDownLatch gate = gate();
        CountDownLatch started = new CountDownLatch(1);
        TaskFuture<Object> running = pool.submit(() -> {
            started.countDown();
            return await(gate);
        });
        // Only once the one worker is busy is the next task sure to wait in the queue.
        that(started.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS), "A task submitted to an idle pool did not start.");
        TaskFuture<String> queued = pool.submit(() -> "never");
        List<CompletableFuture<Object>> onCompletion = List.of(workers.start("result-waiter-1", running::get),
                workers.start("result-waiter-2", running::get));
        CompletableFuture<String> firstGet = workers.start("cancel-waiter-1", queued::get);
        CompletableFuture<String> secondGet = workers.start("cancel-waiter-2", queued::get);
        CompletableFuture<Throwable> exception = workers.start("cancel-waiter-3", queued::exception);
        for (String waiter : List.of("result-waiter-1", "result-waiter-2", "cancel-waiter-1", "cancel-waiter-2",
                "cancel-waiter-3")) {
            Blocking.awaitWaiting(workers.thread(waiter), LIMIT, "a thread waiting for a task that is not done");
        }
        // A state change without notifyAll (or signalAll) wakes one waiter, or none: the others wait forever.
        that(queued.cancel(false), "cancel(false) of a task that has not started returned false.");
        String ifReturned = "After cancel(), a thread waiting in %s returned %%s; it must throw CancellationException.";
        Workers.awaitThrows(CancellationException.class, firstGet, LIMIT, "A thread waiting in get() when the task was "
                + "cancelled", String.format(ifReturned, "get()"));
        Workers.awaitThrows(CancellationException.class, secondGet, LIMIT, "A second thread waiting in get() when the "
                + "task was cancelled", String.format(ifReturned, "get()"));
        Workers.awaitThrows(CancellationException.class, exception, LIMIT, "A thread waiting in exception() when the "
                + "task was cancelled", String.format(ifReturned, "exception()"));
        gate.countDown();
        Workers.awaitAll(onCompletion, LIMIT, "Two threads waiting in get() for the same task when it completed");
        pool.shutdown();
    }

    @Test
    @Check(id = "poolexecutor.cancel-running", category = Category.CONTRACT, points = 2,
            title = "cancel(true) interrupts a running task; cancel(false) leaves it alone")
    void cancelRunning() throws Throwable {
        PoolExecutor pool = pool(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        TaskFuture<String> sleeper = pool.submit(() -> {
            started.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            return "finished";
        });
        that(started.await(5, TimeUnit.SECONDS), "The task did not start within 5 s on an idle pool.");
        that(sleeper.isRunning(), "isRunning() is false while the task runs.");
        that(!sleeper.cancel(false), "cancel(false) of a running task returned true; it may only succeed before the task "
                + "starts.");
        that(sleeper.cancel(true), "cancel(true) of a running task returned false.");
        Verify.throwsA(CancellationException.class, () -> get(sleeper, "the cancelled task"), "get() after cancel(true)");
        TaskFuture<String> next = pool.submit(() -> "next task ran");
        that("next task ran".equals(get(next, "a task after a cancelled one")), "A task after the cancelled one failed.");
        that(interrupted.get(), "cancel(true) did not interrupt the thread running the task.");
    }

    @Test
    @Check(id = "poolexecutor.state-visible", category = Category.CONTRACT, points = 1,
            title = "Threads that keep calling isRunning(), isShutdown() and isTerminated() see the changes")
    void stateVisible() throws Throwable {
        PoolExecutor pool = pool(1);
        taskStartIsSeen(pool);
        shutdownAndTerminationAreSeen(pool);
    }

    /** A thread polling isRunning() of a queued task sees the only worker start it; the pool is idle afterwards. */
    private void taskStartIsSeen(PoolExecutor pool) throws Throwable {
        CountDownLatch first = gate();
        CountDownLatch second = gate();
        CountDownLatch started = new CountDownLatch(1);
        pool.submit(() -> await(first));
        TaskFuture<Object> queued = pool.submit(() -> {
            started.countDown();
            return await(second);
        });
        long startDeadline = Visibility.deadline();
        CompletableFuture<Long> startReader = workers.start("reader-of-isRunning", () -> {
            while (!queued.isRunning() && System.nanoTime() - startDeadline < 0) {
                // waits by asking again, as code that polls a future does
            }
            return System.nanoTime();
        });
        Visibility.Reading reading = Visibility.afterChange(workers.thread("reader-of-isRunning"), startReader,
                startDeadline, LIMIT, () -> {
                    first.countDown(); // the only worker moves on to the queued task
                    that(started.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS), "A pool of one worker did not start "
                            + "its second task within %d s of finishing the first.", LIMIT.toSeconds());
                }, "a thread calling isRunning() in a loop");
        that(reading.sawChange(), "A thread that kept calling isRunning() still saw the task not running %.1f s after a "
                + "worker had started it. %s", reading.secondsAfter(), Visibility.explanation("isRunning()"));
        second.countDown(); // nothing left to run: after shutdown() the workers end
    }

    /** Threads polling isShutdown() and isTerminated() of an idle pool see its shutdown and its termination. */
    private void shutdownAndTerminationAreSeen(PoolExecutor pool) throws Throwable {
        long stateDeadline = Visibility.deadline();
        CompletableFuture<Long> shutdownReader = workers.start("reader-of-isShutdown", () -> {
            while (!pool.isShutdown() && System.nanoTime() - stateDeadline < 0) {
                // waits by asking again, as code that polls the pool does
            }
            return System.nanoTime();
        });
        CompletableFuture<Long> terminationReader = workers.start("reader-of-isTerminated", () -> {
            while (!pool.isTerminated() && System.nanoTime() - stateDeadline < 0) {
                // waits by asking again
            }
            return System.nanoTime();
        });
        Visibility.awaitCompiled(workers.thread("reader-of-isTerminated"), LIMIT);
        Visibility.Reading reading = Visibility.afterChange(workers.thread("reader-of-isShutdown"), shutdownReader,
                stateDeadline, LIMIT, pool::shutdown, "a thread calling isShutdown() in a loop");
        that(reading.sawChange(), "A thread that kept calling isShutdown() still saw the pool running %.1f s after "
                + "shutdown(). %s", reading.secondsAfter(), Visibility.explanation("isShutdown()"));
        reading = new Visibility.Reading(reading.changedAt(),
                Workers.await(terminationReader, LIMIT, "a thread calling isTerminated() in a loop"), stateDeadline);
        // Whether the pool terminates at all is for the shutdown checks: judged here only if this thread sees it did
        // (an idle pool of one worker terminates within milliseconds; the check's time is mostly spent already).
        pool.awaitTermination(2, TimeUnit.SECONDS);
        that(!pool.isTerminated() || reading.sawChange(), "A thread that kept calling isTerminated() never saw the idle "
                + "pool terminate after shutdown() (it stopped asking %.1f s later), although it did. %s",
                reading.secondsAfter(), Visibility.explanation("isTerminated()"));
    }

    @Test
    @Check(id = "poolexecutor.get-timeout", category = Category.CONTRACT, points = 1,
            title = "get(timeout) throws TimeoutException when the task is not done in time")
    void getTimeout() throws Throwable {
        PoolExecutor pool = pool(1);
        CountDownLatch gate = gate();
        TaskFuture<Object> slow = pool.submit(() -> await(gate));
        TimeoutEdges.eachOverAtOnce(workers, "get of a task that is not done", timeout ->
                Verify.throwsA(TimeoutException.class, () -> slow.get(timeout.amount(), timeout.unit()),
                        "get(" + timeout + ") of a task that is not done"));
        long start = System.nanoTime();
        Verify.throwsA(TimeoutException.class, () -> slow.get(150, TimeUnit.MILLISECONDS), "get(150 ms) of a task that is not done");
        that(Verify.millisSince(start) >= 100, "get(150 ms) gave up after %d ms.", Verify.millisSince(start));
        Timeout endless = TimeoutEdges.ENDLESS;
        CompletableFuture<Object> patient = TimeoutEdges.startWaitingEndlessly(workers, "get", "of a task that is not done",
                LIMIT, slow::get);
        gate.countDown();
        Workers.await(patient, LIMIT, "get(" + endless + ") after the task completed");
    }

    @Test
    @Check(id = "poolexecutor.exception", category = Category.CONTRACT, points = 1,
            title = "exception() returns what the task threw, or null")
    void exception() throws Throwable {
        PoolExecutor pool = pool(1);
        IllegalStateException boom = new IllegalStateException("boom");
        TaskFuture<Object> failing = pool.submit(() -> {
            throw boom;
        });
        TaskFuture<Integer> fine = pool.submit(() -> 7);
        that(failing.exception() == boom, "exception() of a failed task returned %s instead of what it threw.", failing.exception());
        that(fine.exception() == null, "exception() of a successful task returned %s instead of null.", fine.exception());
    }

    @Test
    @Check(id = "poolexecutor.shutdown", category = Category.CONTRACT, points = 2,
            title = "shutdown() lets queued tasks finish; awaitTermination and close wait for them")
    void shutdown() throws Throwable {
        PoolExecutor pool = pool(2);
        AtomicInteger done = new AtomicInteger();
        CountDownLatch gate = gate();
        for (int i = 0; i < 20; i++) {
            pool.submit(() -> {
                await(gate);
                done.incrementAndGet();
                return null;
            });
        }
        pool.shutdown();
        TimeoutEdges.eachOverAtOnce(workers, "awaitTermination of a pool with queued tasks", timeout ->
                that(!pool.awaitTermination(timeout.amount(), timeout.unit()), "awaitTermination(%s) returned true while "
                        + "tasks were still queued.", timeout));
        that(!pool.awaitTermination(50, TimeUnit.MILLISECONDS), "awaitTermination returned true while tasks were still queued.");
        that(!pool.isTerminated(), "isTerminated() is true while tasks are still queued.");
        gate.countDown();
        that(pool.awaitTermination(5, TimeUnit.SECONDS), "awaitTermination(5 s) returned false; 20 tiny queued tasks were left.");
        that(done.get() == 20, "Only %d of 20 queued tasks ran after shutdown(); queued tasks must still run.", done.get());

        PoolExecutor closing = pool(2);
        AtomicInteger closedDone = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            closing.submit(() -> closedDone.incrementAndGet());
        }
        Workers.await(workers.run("closer", closing::close), LIMIT, "close()");
        that(closedDone.get() == 10 && closing.isTerminated(), "close() returned before all tasks finished (%d of 10).",
                closedDone.get());
    }

    // ---- blocking -------------------------------------------------------------------------------

    @Test
    @Check(id = "poolexecutor.get-blocks", category = Category.BLOCKING, points = 2,
            title = "A thread waiting in get() blocks instead of spinning or polling")
    void getBlocks() throws Throwable {
        PoolExecutor pool = pool(1);
        CountDownLatch gate = gate();
        TaskFuture<Object> future = pool.submit(() -> await(gate));
        Blocking.assertWaitsProperly(workers, "waiter", future::get, "get() of a task that is not done", "While waiting in get()");
        gate.countDown();
    }

    @Test
    @Check(id = "poolexecutor.idle-workers-block", category = Category.BLOCKING, points = 1,
            title = "Idle workers wait for tasks without spinning")
    void idleWorkersBlock() throws Throwable {
        PoolExecutor pool = pool(2);
        AtomicReference<Thread> worker = new AtomicReference<>();
        get(pool.submit(() -> worker.set(Thread.currentThread())), "a first task");
        Blocking.awaitWaiting(worker.get(), Duration.ofSeconds(1), "an idle worker");
        Blocking.assertBlockedProperly(worker.get(), "An idle worker, waiting for tasks");
    }

    // ---- policy ---------------------------------------------------------------------------------

    @Test
    @Check(id = "poolexecutor.policy", category = Category.POLICY, points = 1,
            title = "Uses none of the JDK's executors or futures")
    void policy() {
        ForbiddenApis.assertNone(() -> pool(1), ForbiddenApis.find("threadlab.poolexecutor", c -> true, type ->
                        type.equals("java.util.concurrent.ThreadPoolExecutor")
                        || type.equals("java.util.concurrent.ScheduledThreadPoolExecutor")
                        || type.equals("java.util.concurrent.ForkJoinPool")
                        || type.equals("java.util.concurrent.Executors")
                        || type.equals("java.util.concurrent.CompletableFuture")
                        || type.equals("java.util.concurrent.FutureTask")
                        || type.equals("java.util.concurrent.AbstractExecutorService")
                        || type.equals("java.util.concurrent.ExecutorCompletionService")),
                "poolexecutor may not use ThreadPoolExecutor, ScheduledThreadPoolExecutor, ForkJoinPool, Executors, "
                        + "CompletableFuture, FutureTask or any other JDK executor or future: build them yourself.");
    }
}
