package threadlab.grader.checks.support;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apiguardian.api.API;
import threadlab.grader.verdict.Reason;

/**
 * Probes of how a thread waits: parked (good), or spinning and polling (busy waiting).
 *
 * <p>A blocked thread should be WAITING or TIMED_WAITING in {@code Object.wait} or
 * {@code LockSupport.park} (or BLOCKED entering a monitor) and use almost no CPU. A spinning thread is RUNNABLE and burns CPU; a
 * sleep-polling thread is TIMED_WAITING in {@code Thread.sleep} and wakes up again and again.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Blocking {

    /** A waiting thread may use at most this share of one core (JIT, GC and timer noise stay below it). */
    public static final double MAX_CPU_SHARE = 0.10;
    private static final int SAMPLES = 40;
    private static final long SPIN_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

    private Blocking() {
    }

    /** What the probe saw over its observation window. */
    public record Observation(String threadName, double cpuShare, int samples, int parkedSamples, int sleepingSamples,
                              int runnableSamples, String studentFrame) {

        /** The thread waited the right way: parked, with almost no CPU. */
        public boolean blockedProperly() {
            return samples > 0 && cpuShare <= MAX_CPU_SHARE && sleepingSamples == 0 && parkedSamples >= samples * 3 / 4;
        }

        /** Why it did not, as a typed reason: busy waiting (spinning or sleep-polling), or not waiting at all. */
        public Reason reason() {
            if (samples == 0) {
                return Reason.ASSERTION;
            }
            return runnableSamples > samples / 4 || cpuShare > MAX_CPU_SHARE || sleepingSamples > 0
                    ? Reason.BUSY_WAITING : Reason.ASSERTION;
        }

        /** Why it did not, in words a student understands. */
        public String explanation() {
            if (samples == 0) {
                return String.format("thread \"%s\" did not wait at all: it had already finished, although it should "
                        + "have been blocked.", threadName);
            }
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
     * Waits until {@code thread} is stuck in the student's code: parked in a wait (WAITING or
     * TIMED_WAITING), or still running inside it after a grace period (a spinning wait; the blocking
     * checks judge how it waits). Fails, explaining what the thread does instead, if neither happens.
     */
    public static void awaitWaiting(Thread thread, Duration limit, String what) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (!isWaitingState(thread.getState())) {
            if (!thread.isAlive()) {
                return; // it finished: the caller checks the outcome
            }
            if (System.nanoTime() - start > SPIN_GRACE_NANOS && insideStudentCode(thread)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": thread \"" + thread.getName() + "\" never blocked; it stayed "
                        + thread.getState() + ".\n" + HangDiagnosis.describe());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    /**
     * Waits (at most a second) until an interrupt sent to {@code thread} was consumed: its flag is clear
     * again and it waits once more. A correct non-interruptible wait consumes the flag to wait again;
     * acting before that would race with the interrupt.
     */
    public static void awaitInterruptConsumed(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (System.nanoTime() < deadline && thread.isAlive()
                && (thread.isInterrupted() || !isWaitingState(thread.getState()))) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private static boolean insideStudentCode(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (HangDiagnosis.isStudentFrame(frame)) {
                return true;
            }
        }
        return false;
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
        int taken = 0;
        for (int i = 0; i < SAMPLES; i++) {
            LockSupport.parkNanos(pause);
            ThreadInfo info = mx.getThreadInfo(id, 32);
            if (info == null || info.getThreadState() == Thread.State.TERMINATED) {
                break;
            }
            taken++;
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
        return new Observation(thread.getName(), share, taken, parked, sleeping, runnable, studentFrame);
    }

    /**
     * Starts {@code waiter} in a thread named {@code name} of {@code workers}, waits until it is stuck
     * in the student's code, and fails unless it waits without using the CPU. The caller then releases it.
     *
     * @param situation what the thread waits for, e.g. "take() on an empty buffer"
     * @param verdict   how the failure message starts, e.g. "While waiting in take()"
     */
    public static void assertWaitsProperly(Workers workers, String name, java.util.concurrent.Callable<?> waiter,
            String situation, String verdict) {
        workers.start(name, waiter);
        Thread thread = workers.thread(name);
        awaitWaiting(thread, Duration.ofSeconds(1), situation);
        assertBlockedProperly(thread, verdict);
    }

    /** Fails unless {@code thread}, which should be blocked, waits without using the CPU. */
    public static void assertBlockedProperly(Thread thread, String what) {
        Observation seen = observe(thread, Duration.ofMillis(400));
        if (!seen.blockedProperly()) {
            throw new ClassifiedFailure(seen.reason(), what + ": " + seen.explanation());
        }
    }

    /** Parked in a wait, or blocked entering a monitor: either way the thread uses no CPU. */
    private static boolean isWaitingState(Thread.State state) {
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED;
    }

    private static boolean isSleeping(StackTraceElement[] stack) {
        return stack.length > 0 && stack[0].getClassName().equals("java.lang.Thread")
                && stack[0].getMethodName().startsWith("sleep");
    }
}
