package threadlab.boundedbuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import threadlab.TestThreads;

class BoundedBufferTest {

    private final TestThreads threads = new TestThreads();

    @AfterEach
    void cleanUp() throws InterruptedException {
        threads.close();
    }

    @Test
    void rejectsCapacityBelowOne() {
        assertThatThrownBy(() -> new BoundedBuffer<>(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itemsLeaveInTheOrderTheyEntered() throws Exception {
        BoundedBuffer<Integer> buffer = new BoundedBuffer<>(3);
        for (int round = 0; round < 5; round++) { // wraps around the ring several times
            buffer.put(1);
            buffer.put(2);
            assertThat(buffer.offer(3, 0, TimeUnit.SECONDS)).isTrue();
            assertThat(buffer.size()).isEqualTo(3);
            assertThat(List.of(buffer.take(), buffer.take(), buffer.poll(0, TimeUnit.SECONDS))).containsExactly(1, 2, 3);
        }
        assertThat(buffer.capacity()).isEqualTo(3);
    }

    @Test
    void timedCallsGiveUpWhenTheBufferStaysFullOrEmpty() throws Exception {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
        assertThat(buffer.poll(10, TimeUnit.MILLISECONDS)).isNull();
        buffer.put("x");
        assertThat(buffer.offer("y", 10, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(buffer.size()).isEqualTo(1);
    }

    @Test
    void putBlocksWhileFullUntilATakeMakesRoom() throws Exception {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
        buffer.put("first");
        CompletableFuture<Void> producer = threads.run("producer", () -> buffer.put("second"));
        TestThreads.awaitBlocked(threads.thread("producer"));
        assertThat(producer).isNotDone();
        assertThat(buffer.take()).isEqualTo("first");
        producer.get(5, TimeUnit.SECONDS);
        assertThat(buffer.take()).isEqualTo("second");
    }

    @Test
    void closeWakesBlockedConsumersAndProducers() throws Exception {
        BoundedBuffer<String> empty = new BoundedBuffer<>(1);
        CompletableFuture<String> consumer = threads.start("consumer", empty::take);
        TestThreads.awaitBlocked(threads.thread("consumer"));
        empty.close();
        assertThatThrownBy(() -> consumer.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(BufferClosedException.class);

        BoundedBuffer<String> full = new BoundedBuffer<>(1);
        full.put("kept");
        CompletableFuture<Void> producer = threads.run("producer", () -> full.put("refused"));
        TestThreads.awaitBlocked(threads.thread("producer"));
        full.close();
        full.close(); // idempotent
        assertThatThrownBy(() -> producer.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(BufferClosedException.class);
        assertThat(full.take()).as("what remains is still delivered").isEqualTo("kept");
        assertThatThrownBy(full::take).isInstanceOf(BufferClosedException.class);
        assertThatThrownBy(() -> full.offer("late", 1, TimeUnit.SECONDS)).isInstanceOf(BufferClosedException.class);
        assertThat(full.isClosed()).isTrue();
    }

    @Test
    void interruptedTakeThrowsAndLeavesTheBufferUnchanged() throws Exception {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(2);
        CompletableFuture<String> consumer = threads.start("consumer", buffer::take);
        TestThreads.awaitBlocked(threads.thread("consumer"));
        threads.thread("consumer").interrupt();
        assertThatThrownBy(() -> consumer.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(InterruptedException.class);
        buffer.put("a");
        assertThat(buffer.size()).isEqualTo(1);
        assertThat(buffer.take()).isEqualTo("a");
    }

    @Test
    void producersAndConsumersConserveEveryItem() throws Exception {
        BoundedBuffer<Integer> buffer = new BoundedBuffer<>(4);
        int producers = 3;
        int perProducer = 5_000;
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int base = p * perProducer;
            all.add(threads.run("producer-" + p, () -> {
                for (int i = 0; i < perProducer; i++) {
                    buffer.put(base + i);
                }
            }));
        }
        List<Integer> consumed = Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < 3; c++) {
            all.add(threads.run("consumer-" + c, () -> {
                try {
                    while (true) {
                        consumed.add(buffer.take());
                    }
                } catch (BufferClosedException drained) {
                    // closed and empty: done
                }
            }));
        }
        CompletableFuture.allOf(all.subList(0, producers).toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        buffer.close();
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        assertThat(consumed).hasSize(producers * perProducer).doesNotHaveDuplicates();
    }
}
