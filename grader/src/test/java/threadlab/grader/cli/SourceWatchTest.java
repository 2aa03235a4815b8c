package threadlab.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --watch}'s loop: once at start, again after each change of a Java source, never for other files. */
@Timeout(30)
class SourceWatchTest {

    @TempDir
    Path folder;

    @Test
    void runsAgainWhenASourceChangesAndNotBefore() throws Exception {
        Path source = Files.writeString(Files.createDirectories(folder.resolve("src/threadlab/counterlock"))
                .resolve("CounterLock.java"), "class CounterLock {}");
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch firstRound = new CountDownLatch(1);
        CountDownLatch secondRound = new CountDownLatch(1);
        Thread watching = new Thread(() -> {
            try {
                new SourceWatch(folder, Duration.ofMillis(20)).run(() -> {
                    if (rounds.incrementAndGet() == 1) {
                        firstRound.countDown();
                    } else {
                        secondRound.countDown();
                    }
                }, 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        watching.start();
        try {
            assertThat(firstRound.await(10, TimeUnit.SECONDS)).isTrue();
            Files.writeString(folder.resolve("notes.txt"), "not a source");
            Files.createDirectories(folder.resolve("target")).resolve("Generated.java").toFile().createNewFile();
            assertThat(secondRound.await(300, TimeUnit.MILLISECONDS)).as("no source changed").isFalse();
            Files.writeString(source, "class CounterLock { int owner; }");
            assertThat(secondRound.await(10, TimeUnit.SECONDS)).as("the source changed").isTrue();
        } finally {
            watching.interrupt();
            watching.join(10_000);
        }
        assertThat(watching.isAlive()).isFalse();
        assertThat(rounds).hasValue(2);
    }

    @Test
    void endsAfterTheRoundsAskedFor() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        new SourceWatch(folder, Duration.ofMillis(20)).run(rounds::incrementAndGet, 1);
        assertThat(rounds).hasValue(1);
    }
}
