package threadlab.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import threadlab.grader.benchmark.BenchmarkRow;
import threadlab.grader.benchmark.BenchmarkShare;
import threadlab.grader.benchmark.Verdicts;

/** The benchmark of one exercise as a table: plain text lines for text reports, cells for the HTML report. */
final class BenchmarkTable {

    private BenchmarkTable() {
    }

    /** Where it ran, with the advisory mark when the numbers were measured unisolated. */
    static String heading(BenchmarkReport benchmark) {
        return (benchmark.isolated() ? "Measured in a " : "Measured " + BenchmarkReport.ADVISORY + ", in ")
                + benchmark.sandbox() + (benchmark.java().isEmpty() ? "" : ", Java " + benchmark.java())
                + String.format(Locale.ROOT, " (%.1f s)", benchmark.durationMs() / 1000.0);
    }

    /** The table as aligned text lines, heading and problems included. */
    static List<String> lines(BenchmarkReport benchmark) {
        List<String> lines = new ArrayList<>();
        lines.add(heading(benchmark));
        if (!benchmark.rows().isEmpty()) {
            lines.add(String.format(Locale.ROOT, "%-10s %-24s %7s %10s %9s %11s", "workload", "implementation", "workers",
                    "time", "speed-up", "efficiency"));
            for (BenchmarkRow row : benchmark.rows()) {
                lines.add(row.measured()
                        ? String.format(Locale.ROOT, "%-10s %-24s %7d %10s %9s %11s", row.workload(), row.implementation(),
                                row.workers(), millis(row.medianMs()), times(row.speedup()), percent(row.efficiency()))
                        : String.format(Locale.ROOT, "%-10s %-24s %7d   failed: %s", row.workload(), row.implementation(),
                                row.workers(), row.error()));
            }
        }
        shares(benchmark).forEach(share -> lines.add(share));
        ratios(benchmark).forEach((name, value) -> lines.add(name + ": " + value));
        benchmark.problems().forEach(p -> lines.add("problem: " + p));
        return lines;
    }

    /** The rows as cells, for the HTML template. */
    static List<Map<String, Object>> cells(BenchmarkReport benchmark) {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (BenchmarkRow row : benchmark.rows()) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("workload", row.workload());
            cell.put("implementation", row.implementation());
            cell.put("workers", row.workers());
            cell.put("time", row.measured() ? millis(row.medianMs()) : "");
            cell.put("speedup", row.measured() ? times(row.speedup()) : "");
            cell.put("efficiency", row.measured() ? percent(row.efficiency()) : "");
            cell.put("error", row.error());
            cells.add(cell);
        }
        return cells;
    }

    /** Each throughput ratio, said in words, with its rounds when they were recorded. */
    static Map<String, String> ratios(BenchmarkReport benchmark) {
        Map<String, String> said = new LinkedHashMap<>();
        benchmark.ratios().forEach((name, value) -> said.put(name, times(value)
                + (benchmark.spreads().containsKey(name) ? " (" + benchmark.spreads().get(name).describe(BenchmarkTable::times) + ")" : "")
                + " (the reference's time over yours: above 1.00x yours is faster)"));
        return said;
    }

    /** Each implementation measured against a reference one, said in words. */
    static List<String> shares(BenchmarkReport benchmark) {
        List<String> said = new ArrayList<>();
        for (BenchmarkShare share : benchmark.shares()) {
            said.add(String.format(Locale.ROOT, "%s, %s with %d against %s with %d: %s of its speed (%s)", share.workload(),
                    share.implementation(), share.workers(), share.reference(), share.referenceWorkers(),
                    Verdicts.share(share.share().median()), share.share().describe(Verdicts::share)));
        }
        return said;
    }

    private static String millis(double ms) {
        return String.format(Locale.ROOT, "%.1f ms", ms);
    }

    private static String times(double value) {
        return String.format(Locale.ROOT, "%.2fx", value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}
