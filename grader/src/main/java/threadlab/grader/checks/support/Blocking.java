package threadlab.grader.checks.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Probes of how a thread waits: parked (good), or spinning and polling (busy waiting).
 *
 * <p>A blocked thread should be WAITING or TIMED_WAITING in {@code Object.wait} or
 * {@code LockSupport.park} and use almost no CPU. A spinning thread is RUNNABLE and burns CPU; a
 * sleep-polling thread is TIMED_WAITING in {@code Thread.sleep} and wakes up again and again.
 */
public final class Blocking {

    /** A waiting thread may use at most this share of one core (JIT, GC and timer noise stay below it). */
    public static final double MAX_CPU_SHARE = 0.10;
    private static final int SAMPLES = 40;

    private Blocking() {
    }

    /** What the probe saw over its observation window. */
    public record Observation(String threadName, double cpuShare, int samples, int parkedSamples, int sleepingSamples,
                              int runnableSamples, String studentFrame) {

        /** The thread waited the right way: parked, with almost no CPU. */
        public boolean blockedProperly() {
            return cpuShare <= MAX_CPU_SHARE && sleepingSamples == 0 && parkedSamples >= samples * 3 / 4;
        }

        /** Why it did not, in words a student understands. */
        public String explanation() {
            if (runnableSamples > samples / 4 || cpuShare > MAX_CPU_SHARE) {
                return String.format("thread \"%s\" kept running while it should have been waiting: it used %.0f%% of a CPU "
                        + "and was RUNNABLE in %d of %d samples%s. That is busy waiting (a loop that checks a condition "
                        + "again and again). Block instead: wait()/Condition.await()/LockSupport.park().",
                        threadName, cpuShare * 100, runnableSamples, samples, where());
            }
            if (sleepingSamples > 0) {
                return String.format("thread \"%s\" was found in Thread.sleep in %d of %d samples while it waited%s. "
                        + "Sleeping in a loop and checking again (polling) wastes CPU and adds latency. Block until "
                        + "another thread signals you instead.", threadName, sleepingSamples, samples, where());
            }
            return String.format("thread \"%s\" was parked in only %d of %d samples.", threadName, parkedSamples, samples);
        }

        private String where() {
            return studentFrame == null ? "" : " (at " + studentFrame + ")";
        }
    }

    /**
     * Waits until {@code thread} has entered a wait (WAITING or TIMED_WAITING), or fails explaining
     * what it does instead.
     */
    public static void awaitWaiting(Thread thread, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!isWaitingState(thread.getState())) {
            if (!thread.isAlive()) {
                return; // it finished: the caller checks the outcome
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": thread \"" + thread.getName() + "\" never blocked; it stayed "
                        + thread.getState() + ".\n" + HangDiagnosis.describe());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    /** Observes {@code thread} for {@code window}: its CPU time and where its stack is. */
    public static Observation observe(Thread thread, Duration window) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long id = thread.getId();
        long cpuBefore = mx.getThreadCpuTime(id);
        long wallBefore = System.nanoTime();
        int parked = 0;
        int sleeping = 0;
        int runnable = 0;
        String studentFrame = null;
        long pause = window.toNanos() / SAMPLES;
        for (int i = 0; i < SAMPLES; i++) {
            LockSupport.parkNanos(pause);
            ThreadInfo info = mx.getThreadInfo(id, 32);
            if (info == null) {
                break;
            }
            StackTraceElement[] stack = info.getStackTrace();
            if (isSleeping(stack)) {
                sleeping++;
            } else if (isWaitingState(info.getThreadState())) {
                parked++;
            } else if (info.getThreadState() == Thread.State.RUNNABLE) {
                runnable++;
            }
            for (StackTraceElement frame : stack) {
                if (HangDiagnosis.isStudentFrame(frame)) {
                    studentFrame = frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":" + frame.getLineNumber() + ")";
                    break;
                }
            }
        }
        long cpu = Math.max(0, mx.getThreadCpuTime(id) - cpuBefore);
        double share = (double) cpu / Math.max(1, System.nanoTime() - wallBefore);
        return new Observation(thread.getName(), share, SAMPLES, parked, sleeping, runnable, studentFrame);
    }

    /** Fails unless {@code thread}, which should be blocked, waits without using the CPU. */
    public static void assertBlockedProperly(Thread thread, String what) {
        Observation seen = observe(thread, Duration.ofMillis(400));
        if (!seen.blockedProperly()) {
            throw new AssertionError(what + ": " + seen.explanation());
        }
    }

    private static boolean isWaitingState(Thread.State state) {
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    private static boolean isSleeping(StackTraceElement[] stack) {
        return stack.length > 0 && stack[0].getClassName().equals("java.lang.Thread")
                && stack[0].getMethodName().startsWith("sleep");
    }
}
