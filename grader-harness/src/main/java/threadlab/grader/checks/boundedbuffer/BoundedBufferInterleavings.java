package threadlab.grader.checks.boundedbuffer;

import static threadlab.grader.checks.support.Verify.that;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import threadlab.boundedbuffer.BoundedBuffer;
import threadlab.boundedbuffer.BufferClosedException;
import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.api.Explorer;
import threadlab.grader.checks.support.Interleavings;
import threadlab.grader.checks.support.ModelChecking;

/** Interleaving scenarios of {@code threadlab.boundedbuffer}, explored by vmlens or Lincheck. */
public class BoundedBufferInterleavings {

    private static final String TWO_CONSUMERS = "boundedbuffer.interleaved-two-consumers";
    private static final String CLOSE_TAKE = "boundedbuffer.interleaved-close-take";
    private static final String SIZE_PUT = "boundedbuffer.interleaved-size-put";
    private static final String WAKE_UPS = "boundedbuffer.interleaved-wake-ups";

    @Test
    @Check(id = TWO_CONSUMERS, category = Category.INTERLEAVINGS, points = 3, timeoutSeconds = 20,
            title = "One producer, two consumers, capacity 1: every item taken exactly once")
    void interleavedTwoConsumers() throws Exception {
        Interleavings.explore(TWO_CONSUMERS, 30, () -> {
            BoundedBuffer<Integer> buffer = new BoundedBuffer<>(1);
            AtomicInteger sum = new AtomicInteger();
            Interleavings.inParallel(List.of("producer", "consumer-1", "consumer-2"), List.of(() -> {
                buffer.put(1);
                buffer.put(2);
            }, () -> sum.addAndGet(buffer.take()), () -> sum.addAndGet(buffer.take())));
            that(sum.get() == 3 && buffer.size() == 0, "a producer put 1 then 2 into a buffer of capacity 1 while two "
                    + "consumers each took one item: the consumers got items summing to %d (expected 1 + 2 = 3) and "
                    + "size() is %d. An item was taken twice or lost: a consumer woken up must check again (a while "
                    + "loop, not an if) that an item is still there.", sum.get(), buffer.size());
        });
    }

    @Test
    @Check(id = CLOSE_TAKE, category = Category.INTERLEAVINGS, points = 3, timeoutSeconds = 40,
            explorer = Explorer.LINCHECK,
            title = "close() racing a take() on an empty buffer: the taker always wakes up")
    void interleavedCloseTake(TestReporter reporter) {
        ModelChecking.explore(reporter, 300, () -> {
            BoundedBuffer<Integer> buffer = new BoundedBuffer<>(1);
            AtomicReference<Object> taken = new AtomicReference<>();
            ModelChecking.inParallel(List.of("taker", "closer"), List.of(() -> {
                try {
                    taken.set(buffer.take());
                } catch (BufferClosedException expected) {
                    taken.set(expected);
                }
            }, buffer::close));
            that(taken.get() instanceof BufferClosedException, "one thread called take() on an empty buffer while "
                    + "another called close(): take() ended with %s instead of throwing BufferClosedException.",
                    taken.get());
        });
    }

    @Test
    @Check(id = SIZE_PUT, category = Category.INTERLEAVINGS, points = 2, timeoutSeconds = 20,
            title = "size() racing put(): only 0 or 1, never a torn value")
    void interleavedSizePut() throws Exception {
        Interleavings.explore(SIZE_PUT, () -> {
            BoundedBuffer<Integer> buffer = new BoundedBuffer<>(2);
            AtomicInteger seen = new AtomicInteger();
            Interleavings.inParallel("producer", () -> buffer.put(7), "reader", () -> seen.set(buffer.size()));
            that(seen.get() == 0 || seen.get() == 1, "one thread called put() on an empty buffer while another called "
                    + "size(): size() returned %d.", seen.get());
            that(buffer.size() == 1, "after one put() on an empty buffer, size() returned %d.", buffer.size());
        });
    }

    @Test
    @Check(id = WAKE_UPS, category = Category.INTERLEAVINGS, points = 3, timeoutSeconds = 40,
            explorer = Explorer.LINCHECK,
            title = "Two producers and two consumers waiting at once, capacity 1: in every order each item is taken once")
    void interleavedWakeUps(TestReporter reporter) {
        ModelChecking.explore(reporter, 300, () -> {
            BoundedBuffer<Integer> buffer = new BoundedBuffer<>(1);
            AtomicReferenceArray<Integer> taken = new AtomicReferenceArray<>(2);
            ModelChecking.inParallel(List.of("producer-1", "producer-2", "consumer-1", "consumer-2"), List.of(
                    () -> buffer.put(1), () -> buffer.put(2),
                    () -> taken.set(0, buffer.take()), () -> taken.set(1, buffer.take())));
            Integer first = taken.get(0);
            Integer second = taken.get(1);
            that(first != null && second != null && first + second == 3, "two producers put 1 and 2 into a buffer of "
                    + "capacity 1 while two consumers each called take(): they got %s and %s instead of 1 and 2. A "
                    + "consumer went on without an item: a woken thread must check its condition again (a while loop "
                    + "around wait()/await(), not an if), because another thread may have taken the item first.",
                    first, second);
            that(buffer.size() == 0, "after two puts and two takes, size() returned %d instead of 0.", buffer.size());
        });
    }
}
