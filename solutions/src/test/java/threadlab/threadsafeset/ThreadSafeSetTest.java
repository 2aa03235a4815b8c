package threadlab.threadsafeset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import threadlab.TestThreads;

class ThreadSafeSetTest {

    private final TestThreads threads = new TestThreads();
    private final ThreadSafeSet<String> set = new ThreadSafeSet<>();

    @AfterEach
    void cleanUp() throws InterruptedException {
        threads.close();
    }

    @Test
    void behavesLikeAHashSet() {
        assertThat(set.isEmpty()).isTrue();
        assertThat(set.add("a")).isTrue();
        assertThat(set.add("a")).isFalse();
        assertThat(set.contains("a")).isTrue();
        assertThat(set.addAll(List.of("a", "b"))).isTrue();
        assertThat(set.addAll(List.of("a", "b"))).isFalse();
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.remove("a")).isTrue();
        assertThat(set.remove("a")).isFalse();
        set.clear();
        assertThat(set.isEmpty()).isTrue();
    }

    @Test
    void nullsAreRejectedAndAddAllWithANullAddsNothing() {
        assertThatThrownBy(() -> set.add(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> set.contains(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> set.addAll(Arrays.asList("x", null, "y"))).isInstanceOf(NullPointerException.class);
        assertThat(set.isEmpty()).isTrue();
    }

    @Test
    void snapshotIsAnUnmodifiableCopy() {
        set.add("a");
        Set<String> snapshot = set.snapshot();
        set.add("b");
        assertThat(snapshot).containsExactly("a");
        assertThatThrownBy(() -> snapshot.add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void concurrentAddsKeepEveryElement() throws Exception {
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = t * 5_000;
            writers.add(threads.run("writer-" + t, () -> IntStream.range(base, base + 5_000).forEach(i -> set.add("e" + i))));
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        assertThat(set.size()).isEqualTo(20_000);
    }

    @Test
    void addAllIsNeverSeenHalfDone() throws Exception {
        List<String> batch = IntStream.range(0, 100).mapToObj(i -> "b" + i).collect(Collectors.toList());
        CompletableFuture<Integer> observer = threads.start("observer", () -> {
            int torn = 0;
            for (int i = 0; i < 20_000; i++) {
                int size = set.snapshot().size();
                if (size != 0 && size != batch.size()) {
                    torn++;
                }
            }
            return torn;
        });
        for (int round = 0; round < 200; round++) {
            set.addAll(batch);
            set.clear();
        }
        assertThat(observer.get(20, TimeUnit.SECONDS)).isZero();
    }
}
