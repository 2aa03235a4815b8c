package threadlab.grader.mutation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The outcome of each mutant graded, and the kill rates per operator and per exercise. */
public final class MutationTable {

    private enum Fate { KILLED, SURVIVED, STILLBORN, EQUIVALENT }

    private record Row(Mutant mutant, Fate fate, String detail) {
    }

    private final List<Row> rows = new ArrayList<>();

    public void graded(Mutant mutant, boolean compileError, List<String> lost) {
        Fate fate = compileError ? Fate.STILLBORN : lost.isEmpty() ? Fate.SURVIVED : Fate.KILLED;
        rows.add(new Row(mutant, fate, String.join(", ", lost)));
    }

    public void equivalent(Mutant mutant, String reason) {
        rows.add(new Row(mutant, Fate.EQUIVALENT, reason));
    }

    public int size() {
        return rows.size();
    }

    /** Killed over killed and survived (stillborn and equivalent mutants count for neither). */
    public double killRate() {
        long killed = count(rows, Fate.KILLED);
        long survived = count(rows, Fate.SURVIVED);
        return killed + survived == 0 ? 1 : (double) killed / (killed + survived);
    }

    public long nonEquivalent() {
        return count(rows, Fate.KILLED) + count(rows, Fate.SURVIVED);
    }

    public java.util.Set<String> survivorIds() {
        return rows.stream().filter(r -> r.fate == Fate.SURVIVED).map(r -> r.mutant.id())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    public String survivors() {
        return rows.stream().filter(r -> r.fate == Fate.SURVIVED)
                .map(r -> "\n  " + r.mutant.id() + ": " + r.mutant.original() + "  ->  " + r.mutant.mutated())
                .collect(Collectors.joining());
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("| operator | mutants | killed | survived | equivalent | did not compile | kill rate |\n"
                + "|---|---|---|---|---|---|---|\n");
        byKey(r -> r.mutant.operator().description()).forEach((key, group) -> md.append(line(key, group)));
        md.append(line("**all**", rows)).append("\n| exercise | mutants | killed | survived | equivalent | did not compile | kill rate |\n"
                + "|---|---|---|---|---|---|---|\n");
        byKey(r -> r.mutant.exercise().id()).forEach((key, group) -> md.append(line(key, group)));
        md.append("\n| mutant | change | fate | lost / reason |\n|---|---|---|---|\n");
        rows.forEach(r -> md.append("| ").append(r.mutant.id()).append(" | `").append(r.mutant.mutated().replace("|", "\\|"))
                .append("` | ").append(r.fate.name().toLowerCase()).append(" | ").append(r.detail).append(" |\n"));
        return md.toString();
    }

    private Map<String, List<Row>> byKey(java.util.function.Function<Row, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }

    private static String line(String key, List<Row> group) {
        long killed = count(group, Fate.KILLED);
        long survived = count(group, Fate.SURVIVED);
        String rate = killed + survived == 0 ? "-" : Math.round(100.0 * killed / (killed + survived)) + " %";
        return "| " + key + " | " + group.size() + " | " + killed + " | " + survived + " | " + count(group, Fate.EQUIVALENT)
                + " | " + count(group, Fate.STILLBORN) + " | " + rate + " |\n";
    }

    private static long count(List<Row> rows, Fate fate) {
        return rows.stream().filter(r -> r.fate == fate).count();
    }
}
