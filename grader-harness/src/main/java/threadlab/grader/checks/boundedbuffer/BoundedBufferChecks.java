package threadlab.grader.checks.boundedbuffer;

import static threadlab.grader.checks.support.Verify.that;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import threadlab.boundedbuffer.BoundedBuffer;
import threadlab.boundedbuffer.BufferClosedException;
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

/** Checks of {@code threadlab.boundedbuffer}. */
public class BoundedBufferChecks {

    private static final Duration LIMIT = Duration.ofSeconds(8);
    private final Workers workers = new Workers();

    @AfterEach
    void stopWorkers() {
        workers.close();
    }

    // ---- correctness ----------------------------------------------------------------------------

    @Property(tries = 200)
    @Check(id = "boundedbuffer.sequential-model", category = Category.CORRECTNESS, points = 3,
            title = "Behaves like a FIFO queue of fixed capacity in random single-thread sequences")
    void sequentialModel(@ForAll @IntRange(min = 1, max = 4) int capacity, @ForAll("operations") List<String> operations)
            throws InterruptedException {
        BoundedBuffer<Integer> buffer = new BoundedBuffer<>(capacity);
        Deque<Integer> model = new ArrayDeque<>();
        List<String> done = new ArrayList<>();
        done.add("new BoundedBuffer(" + capacity + ")");
        int next = 0;
        for (String op : operations) {
            // Only calls that cannot block in a single thread: put/take only when the model says they proceed.
            switch (op) {
                case "offer": {
                    int item = next++;
                    boolean accepted = buffer.offer(item, 0, TimeUnit.MILLISECONDS);
                    done.add("offer(" + item + ", 0 ms) -> " + accepted);
                    that(accepted == model.size() < capacity, "Sequence %s: offer returned %s with %d of %d items inside.",
                            done, accepted, model.size(), capacity);
                    if (accepted) {
                        model.add(item);
                    }
                    break;
                }
                case "put":
                    if (model.size() < capacity) {
                        int item = next++;
                        buffer.put(item);
                        done.add("put(" + item + ")");
                        model.add(item);
                    }
                    break;
                case "poll": {
                    Integer got = buffer.poll(0, TimeUnit.MILLISECONDS);
                    Integer expected = model.poll();
                    done.add("poll(0 ms) -> " + got);
                    that(Objects.equals(got, expected), "Sequence %s: poll returned %s, expected %s (items leave in the "
                            + "order they entered).", done, got, expected);
                    break;
                }
                case "take":
                    if (!model.isEmpty()) {
                        Integer got = buffer.take();
                        Integer expected = model.poll();
                        done.add("take() -> " + got);
                        that(Objects.equals(got, expected), "Sequence %s: take returned %s, expected %s.", done, got, expected);
                    }
                    break;
                default: {
                    int size = buffer.size();
                    done.add("size() -> " + size);
                    that(size == model.size(), "Sequence %s: size() returned %d, expected %d.", done, size, model.size());
                }
            }
        }
    }

    @Provide
    Arbitrary<List<String>> operations() {
        return Arbitraries.of("offer", "put", "poll", "take", "size").list().ofMaxSize(30);
    }

    @Test
    @Check(id = "boundedbuffer.fifo-order", category = Category.CORRECTNESS, points = 2,
            title = "Items leave in the order they entered, across threads")
    void fifoOrder() throws Throwable {
        StressRounds.atLeast(2).run("boundedbuffer.fifo-order",
                random -> fifoOrderRound(StressRounds.between(random, 1, 4)));
    }

    /** The fixed-size stress checks run rounds of this many items for {@link StressRounds#BUDGET}, shaped by the seed. */
    private static final int ITEMS_PER_ROUND = 5_000;

    private void fifoOrderRound(int capacity) throws Throwable {
        BoundedBuffer<Integer> buffer = new BoundedBuffer<>(capacity);
        CompletableFuture<Void> producer = workers.run("producer", () -> {
            for (int i = 0; i < ITEMS_PER_ROUND; i++) {
                buffer.put(i);
            }
        });
        CompletableFuture<String> consumer = workers.start("consumer", () -> {
            for (int i = 0; i < ITEMS_PER_ROUND; i++) {
                int got = buffer.take();
                if (got != i) {
                    return "take() number " + (i + 1) + " returned " + got + " instead of " + i;
                }
            }
            return null;
        });
        String what = "one producer and one consumer passing " + ITEMS_PER_ROUND + " items through capacity " + capacity;
        String problem = Workers.await(consumer, LIMIT, what);
        that(problem == null, "A producer put 0, 1, 2, ... into a buffer of capacity %d and a consumer took them: %s. "
                + "A bounded buffer is FIFO.", capacity, problem);
        Workers.await(producer, LIMIT, what);
    }

    @Test
    @Check(id = "boundedbuffer.conservation", category = Category.CORRECTNESS, points = 4,
            title = "With many producers and consumers, every item arrives exactly once, in each producer's order")
    void conservation() throws Throwable {
        // A lost wake-up needs an unlucky moment: keep dealing rounds for a while (a correct buffer passes them all;
        // one round alone let a notify()-instead-of-notifyAll() buffer through about once in twenty runs).
        // Each round hands the items over with put/take, offer/poll or a mix, so that the timed calls race the
        // untimed ones: a poll that forgets to wake producers strands them only where nobody else wakes them.
        StressRounds rounds = StressRounds.atLeast(HandOver.values().length, CONSERVATION_ROUNDS_FOR);
        for (int round = 0; rounds.another(); round++) {
            conservationRound(HandOver.values()[round % HandOver.values().length]);
        }
    }

    /** How a round's producers and consumers call the buffer. */
    private enum HandOver {
        BLOCKING, TIMED, MIXED;

        boolean timed(int thread) {
            return this == TIMED || this == MIXED && thread % 2 == 1;
        }

        String describe() {
            return switch (this) {
                case BLOCKING -> "put and take";
                case TIMED -> "offer and poll with a 1 ms timeout, tried again until they succeed";
                case MIXED -> "put and take in some threads, offer and poll (1 ms, tried again) in others";
            };
        }
    }

    private static <E> void handIn(BoundedBuffer<E> buffer, E item, boolean timed) throws InterruptedException {
        if (!timed) {
            buffer.put(item);
            return;
        }
        while (!buffer.offer(item, 1, TimeUnit.MILLISECONDS)) {
            Thread.onSpinWait();
        }
    }

    private static <E> E handOut(BoundedBuffer<E> buffer, boolean timed) throws InterruptedException {
        if (!timed) {
            return buffer.take();
        }
        E item;
        while ((item = buffer.poll(1, TimeUnit.MILLISECONDS)) == null) {
            Thread.onSpinWait();
        }
        return item;
    }

    private static final Duration CONSERVATION_ROUNDS_FOR = Duration.ofSeconds(2);

    private void conservationRound(HandOver handOver) throws Throwable {
        BoundedBuffer<long[]> buffer = new BoundedBuffer<>(2);
        int producers = 3;
        int consumers = 3;
        int perProducer = 4_000;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            long producer = p;
            all.add(workers.run("producer-" + p, () -> {
                start.await();
                for (long i = 0; i < perProducer; i++) {
                    handIn(buffer, new long[] {producer, i}, handOver.timed((int) producer));
                }
            }));
        }
        List<List<long[]>> received = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            List<long[]> mine = new ArrayList<>();
            received.add(mine);
            int consumer = c;
            all.add(workers.run("consumer-" + c, () -> {
                start.await();
                for (int i = 0; i < producers * perProducer / consumers; i++) {
                    long[] item = handOut(buffer, handOver.timed(consumer));
                    if (item == null) {
                        throw new AssertionError("take() returned null: a consumer went on without an item "
                                + "(an if instead of a while around the wait?)");
                    }
                    mine.add(item);
                }
            }));
        }
        start.countDown();
        Workers.awaitAll(all, Duration.ofSeconds(12), producers + " producers and " + consumers + " consumers on capacity 2 "
                + "calling " + handOver.describe() + " (a lost wake-up leaves a thread waiting forever)");
        Map<Long, List<Long>> perSource = new HashMap<>();
        for (List<long[]> mine : received) {
            Map<Long, Long> lastSeen = new HashMap<>();
            for (long[] item : mine) {
                Long before = lastSeen.put(item[0], item[1]);
                that(before == null || before < item[1], "A consumer took item %d of producer %d after item %d of the same "
                        + "producer: items of one producer must leave in order.", item[1], item[0], before);
                perSource.computeIfAbsent(item[0], k -> new ArrayList<>()).add(item[1]);
            }
        }
        for (long p = 0; p < producers; p++) {
            List<Long> got = perSource.getOrDefault(p, List.of());
            List<Long> sorted = new ArrayList<>(got);
            Collections.sort(sorted);
            boolean exact = sorted.size() == perProducer;
            for (int i = 0; exact && i < perProducer; i++) {
                exact = sorted.get(i) == i;
            }
            that(exact, "Producer %d put %d items, but the consumers received %d of them%s. Items were lost or duplicated: "
                    + "check that every access to the buffer's state holds the lock.", p, perProducer, got.size(),
                    got.size() == perProducer ? " (with duplicates)" : "");
        }
    }

    @Test
    @Check(id = "boundedbuffer.capacity-respected", category = Category.CORRECTNESS, points = 2,
            title = "Never holds more than its capacity")
    void capacityRespected() throws Throwable {
        BoundedBuffer<Integer> buffer = new BoundedBuffer<>(2);
        that(buffer.offer(1, 0, TimeUnit.MILLISECONDS) && buffer.offer(2, 0, TimeUnit.MILLISECONDS),
                "offer on a buffer of capacity 2 with room refused an item.");
        that(!buffer.offer(3, 0, TimeUnit.MILLISECONDS), "A buffer of capacity 2 accepted a third item. %s",
                overfillDiagnosis(3, 2));
        StressRounds.atLeast(2).run("boundedbuffer.capacity-respected", random -> capacityRound(
                StressRounds.between(random, 1, 3), StressRounds.between(random, 2, 4), StressRounds.between(random, 1, 2)));
    }

    private void capacityRound(int capacity, int producers, int consumers) throws Throwable {
        BoundedBuffer<Integer> buffer = new BoundedBuffer<>(capacity);
        AtomicInteger maxSeen = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        CompletableFuture<Void> observer = workers.observe("size", () -> {
            while (running.get()) {
                maxSeen.accumulateAndGet(buffer.size(), Math::max);
            }
        });
        int perProducer = ITEMS_PER_ROUND / producers;
        int perConsumer = perProducer * producers / consumers; // the total is even: two consumers share it exactly
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            all.add(workers.run("producer-" + p, () -> {
                for (int i = 0; i < perProducer; i++) {
                    buffer.put(i);
                }
            }));
        }
        for (int c = 0; c < consumers; c++) {
            all.add(workers.run("consumer-" + c, () -> {
                for (int i = 0; i < perConsumer; i++) {
                    buffer.take();
                }
            }));
        }
        String what = producers + " producers and " + consumers + " consumers on capacity " + capacity;
        try {
            Workers.awaitAll(all, LIMIT, what);
        } finally {
            running.set(false);
        }
        Workers.await(observer, LIMIT, "the thread reading size()");
        that(maxSeen.get() <= capacity, "size() reported %d items in a buffer of capacity %d (%s). %s", maxSeen.get(),
                capacity, what, overfillDiagnosis(maxSeen.get(), capacity));
    }

    /**
     * The likely mistake behind a buffer seen holding {@code seen} items: one too many is the condition producers
     * wait on; far more is producers woken from a wait who put without checking the buffer again.
     */
    static String overfillDiagnosis(int seen, int capacity) {
        if (seen == capacity + 1) {
            return "One item too many: producers must wait while the buffer is full, that is while count == capacity "
                    + "(not count > capacity).";
        }
        return "Far more than one too many: several producers went on past a full buffer. A producer woken from a "
                + "wait must check again that there is room before it puts, because another producer may have filled "
                + "the buffer first: wait in a loop, while (count == capacity) { wait(); }, not with an if.";
    }

    // ---- contract -------------------------------------------------------------------------------

    @Test
    @Check(id = "boundedbuffer.arguments", category = Category.CONTRACT, points = 1,
            title = "capacity < 1 throws IllegalArgumentException; put(null) throws NullPointerException")
    void arguments() {
        Verify.throwsA(IllegalArgumentException.class, () -> new BoundedBuffer<>(0), "new BoundedBuffer(0)");
        Verify.throwsA(IllegalArgumentException.class, () -> new BoundedBuffer<>(-3), "new BoundedBuffer(-3)");
        BoundedBuffer<String> buffer = new BoundedBuffer<>(5);
        that(buffer.capacity() == 5, "capacity() returned %d for a buffer made with capacity 5.", buffer.capacity());
        Verify.throwsA(NullPointerException.class, () -> {
            buffer.put(null);
            return null;
        }, "put(null)");
    }

    @Test
    @Check(id = "boundedbuffer.timeouts", category = Category.CONTRACT, points = 2,
            title = "offer and poll wait about their timeout, then give up")
    void timeouts() throws Throwable {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
        long start = System.nanoTime();
        String polled = buffer.poll(150, TimeUnit.MILLISECONDS);
        long waited = Verify.millisSince(start);
        that(polled == null, "poll(150 ms) on an empty buffer returned %s instead of null.", polled);
        that(waited >= 100, "poll(150 ms) on an empty buffer gave up after %d ms; it should wait the timeout.", waited);
        TimeoutEdges.eachOverAtOnce(workers, "poll on an empty buffer", timeout -> {
            String got = buffer.poll(timeout.amount(), timeout.unit());
            that(got == null, "poll(%s) on an empty buffer returned %s instead of null.", timeout, got);
        });
        buffer.put("x");
        TimeoutEdges.eachOverAtOnce(workers, "offer on a full buffer", timeout ->
                that(!buffer.offer("y", timeout.amount(), timeout.unit()), "offer(%s) on a full buffer returned true.", timeout));
        start = System.nanoTime();
        boolean offered = buffer.offer("y", 150, TimeUnit.MILLISECONDS);
        waited = Verify.millisSince(start);
        that(!offered, "offer(150 ms) on a full buffer returned true.");
        that(waited >= 100, "offer(150 ms) on a full buffer gave up after %d ms; it should wait the timeout.", waited);
        Timeout endless = TimeoutEdges.ENDLESS;
        CompletableFuture<Boolean> patient = TimeoutEdges.startWaitingEndlessly(workers, "offer", "on a full buffer", LIMIT,
                (amount, unit) -> buffer.offer("z", amount, unit));
        that("x".equals(buffer.take()), "take() did not return the item in the buffer.");
        that(Workers.await(patient, LIMIT, "offer(" + endless + ") after a take made room"),
                "offer(%s) returned false although a take made room while it waited.", endless);
    }

    @Test
    @Check(id = "boundedbuffer.close-wakes-consumers", category = Category.CONTRACT, points = 2,
            title = "close() wakes consumers blocked in take(), which then throw BufferClosedException")
    void closeWakesConsumers() throws Throwable {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(2);
        List<CompletableFuture<String>> consumers = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            consumers.add(workers.start("consumer-" + c, buffer::take));
            Blocking.awaitWaiting(workers.thread("consumer-" + c), LIMIT, "take() on an empty buffer");
        }
        buffer.close();
        for (CompletableFuture<String> consumer : consumers) {
            Workers.awaitThrows(BufferClosedException.class, consumer, Duration.ofSeconds(2),
                    "a consumer blocked in take() when the buffer closed",
                    "take() on a closed, empty buffer returned %s instead of throwing BufferClosedException.");
        }
    }

    @Test
    @Check(id = "boundedbuffer.close-wakes-producers", category = Category.CONTRACT, points = 2,
            title = "close() wakes producers blocked in put(), which then throw BufferClosedException")
    void closeWakesProducers() throws Throwable {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
        buffer.put("kept");
        // Two of them: close() must wake every blocked producer, not one (signalAll or notifyAll, not signal).
        List<CompletableFuture<Void>> producers = new ArrayList<>();
        for (String name : List.of("producer-1", "producer-2")) {
            producers.add(workers.run(name, () -> buffer.put("refused")));
            Blocking.awaitWaiting(workers.thread(name), LIMIT, "put() on a full buffer");
        }
        buffer.close();
        for (CompletableFuture<Void> producer : producers) {
            Workers.awaitThrows(BufferClosedException.class, producer, Duration.ofSeconds(2),
                    "one of two producers blocked in put() when the buffer closed (close() must wake them all)",
                    "put() that was blocked when the buffer closed returned normally (%s); it must throw BufferClosedException.");
        }
        that(buffer.size() == 1, "After close, the buffer holds %d items instead of the 1 put before.", buffer.size());
    }

    @Test
    @Check(id = "boundedbuffer.close-drains", category = Category.CONTRACT, points = 2,
            title = "After close(), take() returns what remains then throws; put() throws; close() is idempotent")
    void closeDrains() throws Throwable {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(3);
        buffer.put("a");
        buffer.put("b");
        buffer.close();
        buffer.close();
        that(buffer.isClosed(), "isClosed() is false after close().");
        Verify.throwsA(BufferClosedException.class, () -> {
            buffer.put("c");
            return null;
        }, "put() after close()");
        Verify.throwsA(BufferClosedException.class, () -> buffer.offer("c", 10, TimeUnit.MILLISECONDS), "offer() after close()");
        that("a".equals(buffer.take()) && "b".equals(buffer.poll(10, TimeUnit.MILLISECONDS)),
                "After close(), take()/poll() must still return the items that remain, in order.");
        Verify.throwsA(BufferClosedException.class, buffer::take, "take() on a closed, drained buffer");
        Verify.throwsA(BufferClosedException.class, () -> buffer.poll(10, TimeUnit.MILLISECONDS), "poll() on a closed, drained buffer");
    }

    @Test
    @Check(id = "boundedbuffer.close-visible", category = Category.CONTRACT, points = 1,
            title = "A thread that keeps calling isClosed() sees the close")
    void closeVisible() throws Throwable {
        BoundedBuffer<Integer> buffer = new BoundedBuffer<>(2);
        long deadline = Visibility.deadline();
        CompletableFuture<Long> reader = workers.start("reader", () -> {
            while (!buffer.isClosed() && System.nanoTime() - deadline < 0) {
                // waits by asking again, as code that polls the buffer does
            }
            return System.nanoTime();
        });
        Visibility.Reading reading = Visibility.afterChange(workers.thread("reader"), reader, deadline, LIMIT,
                buffer::close, "a thread calling isClosed() in a loop");
        that(reading.sawChange(), "A thread that kept calling isClosed() still saw the buffer open %.1f s after "
                + "close(). %s", reading.secondsAfter(), Visibility.explanation("isClosed()"));
    }

    @Test
    @Check(id = "boundedbuffer.interrupt", category = Category.CONTRACT, points = 2,
            title = "An interrupted put/take throws InterruptedException promptly and changes nothing")
    void interrupt() throws Throwable {
        BoundedBuffer<String> empty = new BoundedBuffer<>(2);
        expectInterrupted(workers.start("consumer", empty::take), "take() on an empty buffer");
        empty.put("after");
        that(empty.size() == 1 && "after".equals(empty.take()), "After an interrupted take(), the buffer misbehaved.");

        BoundedBuffer<String> full = new BoundedBuffer<>(1);
        full.put("first");
        expectInterrupted(workers.start("producer", () -> {
            full.put("second");
            return null;
        }), "put() on a full buffer");
        that(full.size() == 1 && "first".equals(full.take()) && full.size() == 0,
                "An interrupted put() changed the buffer: it must leave it as if the call never happened.");
    }

    private void expectInterrupted(CompletableFuture<?> call, String what) throws Throwable {
        Thread thread = workers.thread(what.startsWith("take") ? "consumer" : "producer");
        Blocking.awaitWaiting(thread, LIMIT, what);
        long start = System.nanoTime();
        thread.interrupt();
        Workers.awaitThrows(InterruptedException.class, call, Duration.ofSeconds(2), what + " after an interrupt",
                what + " was interrupted but returned normally (%s) instead of throwing InterruptedException.");
        that(Verify.millisSince(start) < 500, "%s took %d ms to react to the interrupt.", what, Verify.millisSince(start));
    }

    // ---- blocking -------------------------------------------------------------------------------

    @Test
    @Check(id = "boundedbuffer.take-blocks", category = Category.BLOCKING, points = 2,
            title = "A consumer waiting in take() blocks instead of spinning or polling")
    void takeBlocks() throws Throwable {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
        Blocking.assertWaitsProperly(workers, "consumer", buffer::take, "take() on an empty buffer", "While waiting in take()");
        buffer.put("release");
    }

    @Test
    @Check(id = "boundedbuffer.put-blocks", category = Category.BLOCKING, points = 2,
            title = "A producer waiting in put() blocks instead of spinning or polling")
    void putBlocks() throws Throwable {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
        buffer.put("full");
        Blocking.assertWaitsProperly(workers, "producer", () -> {
            buffer.put("waiting");
            return null;
        }, "put() on a full buffer", "While waiting in put()");
        buffer.take();
    }

    @Test
    @Check(id = "boundedbuffer.poll-blocks", category = Category.BLOCKING, points = 1,
            title = "A consumer waiting in poll(timeout) blocks instead of spinning or polling")
    void pollBlocks() throws Throwable {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
        Blocking.assertWaitsProperly(workers, "consumer", () -> buffer.poll(3, TimeUnit.SECONDS),
                "poll(3 s) on an empty buffer", "While waiting in poll(3 s)");
        buffer.put("release");
    }

    // ---- policy ---------------------------------------------------------------------------------

    @Test
    @Check(id = "boundedbuffer.policy", category = Category.POLICY, points = 1,
            title = "Uses no BlockingQueue, TransferQueue or Exchanger")
    void policy() {
        ForbiddenApis.assertNone(() -> new BoundedBuffer<>(1), ForbiddenApis.find("threadlab.boundedbuffer", c -> true, type ->
                        type.startsWith("java.util.concurrent.") && (type.endsWith("BlockingQueue")
                        || type.endsWith("BlockingDeque") || type.endsWith("TransferQueue")
                        || type.equals("java.util.concurrent.Exchanger") || type.equals("java.util.concurrent.SynchronousQueue"))),
                "boundedbuffer may not use a BlockingQueue, TransferQueue or Exchanger: build the waiting yourself with "
                        + "wait/notifyAll, Condition or Semaphore.");
    }
}
