package threadlab.grader.checks.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Explains why threads are stuck: a deadlock named from {@link ThreadMXBean#findDeadlockedThreads()},
 * or otherwise where each thread of the check waits, with the top frames in the student's code.
 */
@API(status = INTERNAL, since = "0.1")
public final class HangDiagnosis {

    /** JVM and grader threads that never matter to a student. */
    private static final Set<String> SYSTEM_THREADS = Set.of("Reference Handler", "Finalizer", "Signal Dispatcher",
            "Common-Cleaner", "Notification Thread", "Attach Listener", "process reaper", "DestroyJavaVM");
    private static final int STUDENT_FRAMES_SHOWN = 4;

    private HangDiagnosis() {
    }

    /** Whether threads of this JVM wait for each other's locks in a cycle, as the JVM itself finds it. */
    public static boolean deadlocked() {
        return ManagementFactory.getThreadMXBean().findDeadlockedThreads() != null;
    }

    /** A readable description of every relevant live thread, deadlocks first. */
    public static String describe() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        StringBuilder text = new StringBuilder();
        long[] deadlocked = mx.findDeadlockedThreads();
        if (deadlocked != null) {
            text.append("Deadlock: ").append(describeDeadlock(mx.getThreadInfo(deadlocked, true, true))).append('\n');
        }
        List<ThreadInfo> stuck = Arrays.stream(mx.dumpAllThreads(true, true)).filter(HangDiagnosis::isRelevant).toList();
        if (deadlocked == null) {
            text.append("No deadlock between locks was found: the threads below made no progress. ")
                    .append(likelyMistake(stuck.stream().filter(HangDiagnosis::countsForTheMistake)
                            .map(ThreadInfo::getThreadState).toList())).append('\n');
        }
        stuck.forEach(info -> text.append(describeThread(info)));
        return text.toString().stripTrailing();
    }

    /** The likely mistake behind threads stuck in these states, when no deadlock between locks explains it. */
    static String likelyMistake(List<Thread.State> states) {
        if (!states.isEmpty() && states.stream().allMatch(s -> s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING)) {
            return "Every one of them waits to be woken, and nobody is left to wake it: a lost wake-up. Likely "
                    + "mistakes: notify() or signal() where notifyAll() or signalAll() is needed (it can wake a thread "
                    + "of the wrong kind, a producer instead of a consumer, while the right one sleeps on), a change of "
                    + "state without any notify, or a wait that does not re-check its condition in a loop.";
        }
        if (states.contains(Thread.State.RUNNABLE)) {
            return "At least one of them is running without getting anywhere: a loop that waits by spinning, or an "
                    + "endless loop.";
        }
        return "";
    }

    private static boolean countsForTheMistake(ThreadInfo info) {
        return countsForTheMistake(info.getThreadName(), info.getThreadState());
    }

    /** A running observer of the check loops by design: its state says nothing about the student's mistake. */
    static boolean countsForTheMistake(String threadName, Thread.State state) {
        return !(isObserver(threadName) && state == Thread.State.RUNNABLE);
    }

    private static boolean isObserver(String threadName) {
        return threadName.startsWith(Workers.OBSERVER_PREFIX);
    }

    private static String describeDeadlock(ThreadInfo[] cycle) {
        List<String> links = new ArrayList<>();
        for (ThreadInfo info : cycle) {
            links.add(info.getThreadName() + " holds " + held(info) + " and waits for " + lockName(info.getLockInfo())
                    + " held by " + info.getLockOwnerName());
        }
        return String.join("; ", links) + ". Each waits for the next: a circular wait.";
    }

    private static String held(ThreadInfo info) {
        List<String> locks = new ArrayList<>();
        Arrays.stream(info.getLockedMonitors()).forEach(m -> locks.add(lockName(m)));
        Arrays.stream(info.getLockedSynchronizers()).forEach(s -> locks.add(lockName(s)));
        return locks.isEmpty() ? "nothing" : String.join(", ", locks);
    }

    private static String lockName(LockInfo lock) {
        if (lock == null) {
            return "?";
        }
        String type = lock.getClassName();
        return type.substring(type.lastIndexOf('.') + 1) + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }

    private static boolean isRelevant(ThreadInfo info) {
        String name = info.getThreadName();
        return !SYSTEM_THREADS.contains(name) && !name.startsWith("threadlab-grader-")
                && !name.startsWith("junit-") && !name.startsWith("JqwikRunner")
                && Arrays.stream(info.getStackTrace()).anyMatch(HangDiagnosis::isStudentFrame);
    }

    private static String describeThread(ThreadInfo info) {
        String waiting = info.getLockInfo() == null ? "" : " on " + lockName(info.getLockInfo())
                + (info.getLockOwnerName() == null ? "" : " held by " + info.getLockOwnerName());
        String frames = Arrays.stream(info.getStackTrace())
                .filter(HangDiagnosis::isStudentFrame)
                .limit(STUDENT_FRAMES_SHOWN)
                .map(f -> "      at " + f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
                .collect(Collectors.joining("\n"));
        String role = isObserver(info.getThreadName()) ? " (the check's observer, which reads in a loop by design)" : "";
        return "  - thread \"" + info.getThreadName() + "\"" + role + " is " + info.getThreadState() + waiting
                + " in your code:\n" + frames + "\n";
    }

    /** A frame of the exercise's code, not of the grader or the JDK. */
    public static boolean isStudentFrame(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.startsWith("threadlab.") && !type.startsWith("threadlab.grader.");
    }
}
