package threadlab.grader.batch;

import java.io.PrintWriter;
import java.time.Duration;
import threadlab.grader.report.Points;

/**
 * What a batch says while it runs: one redrawn line with a bar, counts and an ETA on a terminal; one plain line per
 * submission otherwise (CI logs).
 */
public final class BatchProgress {

    private static final int BAR = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private int total;
    private int done;
    private int skipped;
    private int problems;

    public BatchProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    synchronized void started(int submissions, int jobs) {
        total = submissions;
        out.printf("Grading %d submission(s), %d at a time.%n", submissions, jobs);
        out.flush();
    }

    /** A submission graded before and unchanged since: not graded again. */
    synchronized void upToDate(String id) {
        skipped++;
        if (!terminal) {
            out.printf("%s: already graded, unchanged (--regrade grades it again) [%d/%d]%n", id, done + skipped, total);
            out.flush();
        }
    }

    synchronized void finished(StudentResult row, Duration took) {
        done++;
        if (!row.status().equals(StudentResult.GRADED)) {
            problems++;
        }
        if (terminal) {
            int graded = done + skipped;
            int filled = total == 0 ? BAR : BAR * graded / total;
            out.printf("\r[%s%s] %d/%d  %d problem(s)  ETA %s   ", "=".repeat(filled), " ".repeat(BAR - filled), graded, total,
                    problems, eta());
        } else {
            out.printf("%s: %s%s (%.0f s) [%d/%d]%n", row.id(), row.status(),
                    row.status().equals(StudentResult.GRADED) ? " " + Points.of(row.score(), row.maxScore())
                            : ": " + row.reason(),
                    took.toMillis() / 1000.0, done + skipped, total);
        }
        out.flush();
    }

    synchronized void end() {
        if (terminal) {
            out.println();
        }
        out.flush();
    }

    private String eta() {
        int left = total - skipped - done;
        if (done == 0) {
            return "?";
        }
        long perSubmission = (System.nanoTime() - start) / done;
        Duration eta = Duration.ofNanos(perSubmission * left);
        return eta.toMinutes() + "m" + String.format("%02d", eta.toSecondsPart()) + "s";
    }
}
