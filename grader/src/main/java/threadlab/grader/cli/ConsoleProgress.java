package threadlab.grader.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import threadlab.grader.host.Progress;

/**
 * Progress as plain lines with elapsed time: readable on a terminal and in a CI log alike. During a long phase, a
 * line every {@code quiet} seconds without news says what is still running and for how long, so that a minute of
 * exploration is never a minute of silence.
 */
final class ConsoleProgress implements Progress, AutoCloseable {

    static final Duration QUIET = Duration.ofSeconds(10);

    private final PrintWriter err;
    private final LongSupplier clock;
    private final long quietNanos;
    private final long start;
    private final Map<String, Step> running = new LinkedHashMap<>(); // by exercise and engine
    private long lastLine;
    private final ScheduledExecutorService heartbeat;

    /** Progress on {@code err}, with a heartbeat thread until {@link #close()}. */
    ConsoleProgress(PrintWriter err) {
        this(err, System::nanoTime, QUIET);
        heartbeat.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** For tests: a clock of their own and no heartbeat thread (they call {@link #tick()}). */
    ConsoleProgress(PrintWriter err, LongSupplier clock, Duration quiet) {
        this.err = err;
        this.clock = clock;
        this.quietNanos = quiet.toNanos();
        this.start = clock.getAsLong();
        this.lastLine = start;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "threadlab-progress");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public synchronized void phase(String exercise, String description) {
        running.values().removeIf(s -> s.exercise().equals(exercise));
        line(exercise, description + " ...");
    }

    @Override
    public synchronized void step(String exercise, String engine, String what) {
        String key = key(exercise, engine);
        running.remove(key); // re-inserted last: the display keeps the order in which the steps started
        running.put(key, new Step(exercise, engine + " " + what, clock.getAsLong()));
    }

    @Override
    public synchronized void engineDone(String exercise, String engine) {
        running.remove(key(exercise, engine));
    }

    private static String key(String exercise, String engine) {
        return exercise + " " + engine;
    }

    private record Step(String exercise, String description, long started) {
    }

    @Override
    public synchronized void phaseEnded(String exercise, String summary) {
        finished(exercise, summary);
    }

    @Override
    public synchronized void finished(String exercise, String summary) {
        running.values().removeIf(s -> s.exercise().equals(exercise));
        line(exercise, summary);
    }

    /** Says what is still running when nothing was printed for a while. */
    synchronized void tick() {
        long now = clock.getAsLong();
        if (running.isEmpty() || now - lastLine < quietNanos) {
            return;
        }
        // Exercises explored together share the line: each step names its exercise unless all are of one.
        List<String> exercises = running.values().stream().map(Step::exercise).distinct().toList();
        boolean one = exercises.size() == 1;
        line(one ? exercises.get(0) : "", "... still running: " + running.values().stream()
                .map(s -> (one ? "" : s.exercise() + ": ") + s.description() + " ("
                        + TimeUnit.NANOSECONDS.toSeconds(now - s.started()) + " s)")
                .collect(Collectors.joining("; ")));
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
    }

    private void line(String exercise, String text) {
        lastLine = clock.getAsLong();
        err.printf("[%5.1fs] %-14s %s%n", TimeUnit.NANOSECONDS.toMillis(lastLine - start) / 1000.0, exercise, text);
        err.flush();
    }
}
