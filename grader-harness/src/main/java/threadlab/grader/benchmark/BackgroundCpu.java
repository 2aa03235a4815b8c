package threadlab.grader.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time spent by everything except a measured run, while it runs: threads of this JVM that were already alive
 * when it started (a student's forgotten worker that spins, a background thread started by a static
 * initializer), and processes started since this JVM began that the grader does not own (a student's worker
 * process, or one it left behind). The run's own threads are the ones it creates.
 *
 * <p>Why it matters: a scored speed-up is compared with a reference measured in the same JVM. Work burning a CPU
 * in the background slows the reference as much as the student's code, which would hide a slow implementation,
 * or turn a verdict into "the sandbox cannot tell". Measured, it is the student's own busy waiting and is scored
 * as such.
 */
final class BackgroundCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Instant THIS_JVM_STARTED = ProcessHandle.current().info().startInstant().orElse(Instant.EPOCH);
    private static final String USER = ProcessHandle.current().info().user().orElse("");
    private static final long SELF = ProcessHandle.current().pid();

    private final Set<Long> graderProcesses = ConcurrentHashMap.newKeySet();

    /** Processes of the grader's own (a reference's workers): their CPU time is never background. */
    void own(long pid) {
        graderProcesses.add(pid);
    }

    /** The CPU time each thread and each counted process has used so far. */
    Snapshot snapshot() {
        Map<Long, Long> threads = new HashMap<>();
        if (THREADS.isThreadCpuTimeSupported()) {
            for (long id : THREADS.getAllThreadIds()) {
                long cpu = THREADS.getThreadCpuTime(id);
                if (cpu >= 0) {
                    threads.put(id, cpu);
                }
            }
        }
        Map<Long, Long> processes = new HashMap<>();
        ProcessHandle.allProcesses().filter(p -> p.pid() != SELF && !graderProcesses.contains(p.pid())).forEach(p -> {
            ProcessHandle.Info info = p.info(); // one read of the process's /proc entries
            if (info.user().map(USER::equals).orElse(false)
                    && info.startInstant().map(start -> !start.isBefore(THIS_JVM_STARTED)).orElse(false)) {
                info.totalCpuDuration().ifPresent(cpu -> processes.put(p.pid(), cpu.toNanos()));
            }
        });
        return new Snapshot(threads, processes);
    }

    /** CPU time (ns) used between two snapshots, taken by the measuring thread around one run. */
    record Snapshot(Map<Long, Long> threads, Map<Long, Long> processes) {

        long backgroundSince(Snapshot before) {
            long used = 0;
            long measuring = Thread.currentThread().getId();
            for (Map.Entry<Long, Long> thread : before.threads.entrySet()) { // alive before the run began
                Long now = threads.get(thread.getKey());
                if (now != null && thread.getKey() != measuring) {
                    used += Math.max(0, now - thread.getValue());
                }
            }
            for (Map.Entry<Long, Long> process : processes.entrySet()) {
                used += Math.max(0, process.getValue() - before.processes.getOrDefault(process.getKey(), 0L));
            }
            return used;
        }
    }

    /** CPUs used on average: {@code cpuNanos} spread over {@code wall}. */
    static double cpus(long cpuNanos, Duration wall) {
        return wall.isZero() ? 0 : (double) cpuNanos / wall.toNanos();
    }
}
