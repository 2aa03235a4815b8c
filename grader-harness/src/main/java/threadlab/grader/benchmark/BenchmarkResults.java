package threadlab.grader.benchmark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What one benchmark measured, as written by the sandbox JVM and read back by the grader.
 *
 * @param cpus         the CPUs the benchmark JVM could use
 * @param java         the Java runtime version in the sandbox
 * @param rows         speed-up measurements
 * @param ratios       throughput ratios by name: reference time / the student's time (above 1: faster than the
 *                     reference), the median over the rounds
 * @param ratioSpreads the same ratios with their interval and every round
 * @param shares       scored candidates measured against a reference implementation of the same workload
 * @param facts        other observations by name, e.g. which processes ran the work
 * @param errors       problems outside any row
 * @param finished     whether the benchmark ran to its end (false: it was stopped, the rows so far are kept)
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record BenchmarkResults(int cpus, String java, List<BenchmarkRow> rows, Map<String, Double> ratios,
                               Map<String, Spread> ratioSpreads, List<BenchmarkShare> shares,
                               Map<String, String> facts, List<String> errors, boolean finished) {

    public BenchmarkResults {
        rows = rows == null ? List.of() : List.copyOf(rows);
        ratios = ratios == null ? Map.of() : Map.copyOf(ratios);
        ratioSpreads = ratioSpreads == null ? Map.of() : Map.copyOf(ratioSpreads);
        shares = shares == null ? List.of() : List.copyOf(shares);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The row of {@code implementation} with {@code workers} on {@code workload}, if it was measured at all. */
    public Optional<BenchmarkRow> row(String workload, String implementation, int workers) {
        return rows.stream().filter(r -> r.workload().equals(workload) && r.implementation().equals(implementation)
                && r.workers() == workers).findFirst();
    }

    /** The share of {@code implementation} with {@code workers} on {@code workload} against its reference, if measured. */
    public Optional<BenchmarkShare> share(String workload, String implementation, int workers) {
        return shares.stream().filter(s -> s.workload().equals(workload) && s.implementation().equals(implementation)
                && s.workers() == workers).findFirst();
    }

    public Optional<Double> ratio(String name) {
        return Optional.ofNullable(ratios.get(name));
    }

    public Optional<Spread> ratioSpread(String name) {
        return Optional.ofNullable(ratioSpreads.get(name));
    }

    public Optional<String> fact(String name) {
        return Optional.ofNullable(facts.get(name));
    }
}
