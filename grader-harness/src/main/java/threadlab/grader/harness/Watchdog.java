package threadlab.grader.harness;

import java.util.concurrent.TimeUnit;
import threadlab.grader.checks.support.HangDiagnosis;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/**
 * Ends the JVM when a check overruns its time limit, after writing a timeout event that says where
 * the threads are stuck. A thread stuck in student code (spinning, deadlocked, blocked without an
 * interrupt check) cannot be stopped from inside the JVM; the grader starts a fresh JVM for the
 * remaining checks.
 */
final class Watchdog {

    /** Exit code of a JVM the watchdog ended; the grader knows the event was written. */
    static final int TIMEOUT_EXIT_CODE = 86;

    private final ResultChannel log;
    private String check;      // guarded by this
    private long startNanos;   // guarded by this
    private long limitNanos;   // guarded by this
    private final long jvmDeadline;

    /** @param budgetMillis how long this JVM may run checks at all; caps each check's own limit */
    Watchdog(ResultChannel log, long budgetMillis) {
        this.log = log;
        this.jvmDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
        Thread thread = new Thread(this::watch, "threadlab-grader-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void begin(String checkId, int timeoutSeconds) {
        check = checkId;
        startNanos = System.nanoTime();
        limitNanos = Math.min(TimeUnit.SECONDS.toNanos(timeoutSeconds), Math.max(0, jvmDeadline - startNanos));
    }

    /** Ends the current check; {@code false} if the watchdog already reported it as a timeout. */
    synchronized boolean end() {
        boolean inTime = check != null;
        check = null;
        return inTime;
    }

    private void watch() {
        while (true) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (check != null && System.nanoTime() - startNanos > limitNanos) {
                    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
                    boolean budget = System.nanoTime() >= jvmDeadline;
                    log.write(CheckEvent.finished(check, CheckStatus.TIMEOUT,
                            budget ? Reason.BUDGET_EXHAUSTED : HangDiagnosis.deadlocked() ? Reason.DEADLOCK : Reason.TIMEOUT,
                            "The check did not finish within "
                            + Math.max(1, TimeUnit.NANOSECONDS.toSeconds(limitNanos)) + " s"
                            + (budget ? " (the time budget of this exercise ran out)" : "")
                            + ".\n" + HangDiagnosis.describe(), ms));
                    ForkMain.endLeftovers();
                    Runtime.getRuntime().halt(TIMEOUT_EXIT_CODE);
                }
            }
        }
    }
}
