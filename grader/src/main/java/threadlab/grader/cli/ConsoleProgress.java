package threadlab.grader.cli;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import threadlab.grader.host.Progress;

/** Progress as plain lines with elapsed time: readable on a terminal and in a CI log alike. */
final class ConsoleProgress implements Progress {

    private final PrintWriter err;
    private final long start = System.nanoTime();

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void phase(String exercise, String description) {
        line(exercise, description + " ...");
    }

    @Override
    public void finished(String exercise, String summary) {
        line(exercise, summary);
    }

    private void line(String exercise, String text) {
        err.printf("[%5.1fs] %-14s %s%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) / 1000.0, exercise, text);
        err.flush();
    }
}
