package threadlab.grader.checks.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Lincheck's table, as it printed it for a buffer whose close() wakes nobody, trimmed to the student's code. */
class LincheckTraceTest {

    @Test
    void keepsTheStudentsCallsFieldsAndSchedulingAndCutsJdkInsidesAndBookkeeping() throws IOException {
        String original = resource("silent-close-take.lincheck.txt");

        String trimmed = LincheckTrace.trim(original);

        assertThat(trimmed).contains("Main Thread", "Thread 1", "BoundedBuffer.<init>(1)", "buffer.take()",
                "lock.lockInterruptibly()", "count ➜ 0", "closed ➜ false", "notEmpty.await()", "PARK",
                "switch (reason: thread is parked)", "switch (reason: waiting for Thread 1 to finish)",
                "All unfinished threads are in deadlock");
        assertThat(trimmed).doesNotContain("AbstractQueuedSynchronizer", "ForkJoinPool", "canReacquire",
                "AtomicInteger#1.incrementAndGet", "threads.iterator()", "ArrayList.<init>()");
        assertThat(trimmed.lines().count()).isLessThan(original.lines().count() / 2);
    }

    @Test
    void keepsTheTableAligned() throws IOException {
        String original = resource("silent-close-take.lincheck.txt");
        int width = original.lines().filter(l -> l.startsWith("|")).findFirst().orElseThrow().length();

        assertThat(LincheckTrace.trim(original).lines().filter(l -> l.startsWith("|")))
                .allSatisfy(line -> assertThat(line).hasSize(width));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LincheckTraceTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
