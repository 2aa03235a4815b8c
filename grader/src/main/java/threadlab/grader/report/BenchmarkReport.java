package threadlab.grader.report;

import java.util.List;
import java.util.Map;
import threadlab.grader.benchmark.BenchmarkRow;
import threadlab.grader.benchmark.BenchmarkShare;
import threadlab.grader.benchmark.Spread;

/**
 * What the benchmark of one exercise measured, for the reports.
 *
 * @param sandbox    where it ran, e.g. "Docker container threadlab/sandbox:0.1.0, 2 CPUs pinned ..."
 * @param isolated   false when it ran unisolated on this machine: the numbers are advisory
 * @param cpus       the CPUs it could use
 * @param java       the Java version in the sandbox
 * @param rows       time and speed-up of each implementation, workload and worker count
 * @param ratios     throughput ratios by name (reference time / the student's time), the median of the rounds
 * @param spreads    the same ratios with their interval and every round
 * @param shares     the student's implementation measured against a reference one, round by round
 * @param facts      other observations by name
 * @param problems   what went wrong outside the rows (a time-out, a crash), empty if nothing did
 * @param durationMs the whole benchmark, sandbox set-up included
 */
public record BenchmarkReport(String sandbox, boolean isolated, int cpus, String java, List<BenchmarkRow> rows,
                              Map<String, Double> ratios, Map<String, Spread> spreads, List<BenchmarkShare> shares,
                              Map<String, String> facts, List<String> problems,
                              long durationMs) {

    /** How every report marks numbers measured outside the sandbox. */
    public static final String ADVISORY = "unisolated, advisory";
}
