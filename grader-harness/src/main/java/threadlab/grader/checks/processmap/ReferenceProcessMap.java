package threadlab.grader.checks.processmap;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import threadlab.grader.benchmark.CpuWork;

/**
 * The grader's own process map for the CPU-bound workload: what worker processes can reach in this sandbox,
 * measured next to the student's. Deliberately plain: one worker JVM per process, started once; each call
 * splits the items into one contiguous chunk per worker, sends every chunk, then collects every answer.
 * Its workers run {@link ReferenceProcessMapWorker} from the harness module, so nothing of the student's
 * takes part.
 */
final class ReferenceProcessMap implements AutoCloseable {

    private final List<Process> processes;
    private final List<DataOutputStream> requests = new ArrayList<>();
    private final List<DataInputStream> answers = new ArrayList<>();

    private ReferenceProcessMap(List<Process> processes) {
        this.processes = processes;
        for (Process process : processes) {
            requests.add(new DataOutputStream(new BufferedOutputStream(process.getOutputStream())));
            answers.add(new DataInputStream(new BufferedInputStream(process.getInputStream())));
        }
    }

    /** Starts {@code workers} worker JVMs with this JVM's {@code java} and the harness's module path. */
    static ReferenceProcessMap start(int workers) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath == null) {
            throw new IOException("the harness does not run as a module: no module path to start reference workers with");
        }
        List<Process> processes = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                processes.add(new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xlog:disable", "-Xlog:all=warning:stderr",
                        "-XX:+DisplayVMOutputToStderr", "--module-path", modulePath, "-m",
                        ReferenceProcessMapWorker.class.getModule().getName() + "/" + ReferenceProcessMapWorker.class.getName())
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start());
            }
        } catch (IOException e) {
            processes.forEach(Process::destroyForcibly);
            throw e;
        }
        return new ReferenceProcessMap(processes);
    }

    /** The worker processes' ids. */
    List<Long> pids() {
        return processes.stream().map(Process::pid).toList();
    }

    /** Counts the primes of task {@code i} of {@code work} for every item, in the worker processes. */
    long[] primes(CpuWork work, List<Integer> items) throws IOException {
        int workers = processes.size();
        int[] from = new int[workers + 1];
        for (int w = 0; w <= workers; w++) {
            from[w] = items.size() * w / workers;
        }
        for (int w = 0; w < workers; w++) {
            DataOutputStream out = requests.get(w);
            out.writeInt(work.span());
            out.writeInt(from[w + 1] - from[w]);
            for (int i = from[w]; i < from[w + 1]; i++) {
                out.writeInt(items.get(i));
            }
            out.flush();
        }
        long[] results = new long[items.size()];
        for (int w = 0; w < workers; w++) {
            DataInputStream in = answers.get(w);
            for (int i = from[w]; i < from[w + 1]; i++) {
                results[i] = in.readLong();
            }
        }
        return results;
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
    }
}
