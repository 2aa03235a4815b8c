package threadlab.grader.sandbox;

/**
 * The resources of one sandbox container.
 *
 * @param cpuset       the host CPUs it may use, in cpuset syntax, e.g. {@code 0-1}
 * @param memoryBytes  its memory, swap included
 * @param heapMegabytes the Java heap of the job's JVM (the rest is for processes it starts)
 * @param maxTasks     threads and processes it may have at once
 */
public record SandboxLimits(String cpuset, long memoryBytes, int heapMegabytes, int maxTasks) {

    /** CPUs a benchmark gets: two, or one on a one-CPU machine. */
    public static final int BENCHMARK_CPUS = 2;

    /** The first {@code cpus} CPUs of the host (at most as many as it has), 3 GiB, 512 MiB heap, 1024 tasks. */
    public static SandboxLimits firstCpus(int cpus) {
        int count = Math.max(1, Math.min(cpus, Runtime.getRuntime().availableProcessors()));
        return new SandboxLimits(count == 1 ? "0" : "0-" + (count - 1), 3L << 30, 512, 1_024);
    }

    /** How many CPUs the cpuset names. */
    public int cpus() {
        int count = 0;
        for (String part : cpuset.split(",")) {
            String[] range = part.strip().split("-");
            count += range.length == 1 ? 1 : Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
        }
        return count;
    }

    String describe() {
        return cpus() + (cpus() == 1 ? " CPU" : " CPUs") + " pinned (cpuset " + cpuset + "), " + (memoryBytes >> 20)
                + " MiB memory, at most " + maxTasks + " threads and processes, no network";
    }
}
