package threadlab.grader.rubric;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import threadlab.grader.catalog.CheckCatalog;
import threadlab.grader.catalog.CheckDefinition;

/**
 * Points and visibility of every check. The default rubric is what the checks declare; an
 * instructor's rubric file can change points, drop checks, hide their details from students (for good or until the
 * due date) and put measurements on Gradescope's leaderboard.
 */
public final class Rubric {

    /** How one check counts: its points, and when students see its details. */
    public record Entry(double points, Visibility visibility) {

        /** Whether students may not see the details now. */
        public boolean hidden() {
            return visibility.hidesDetails();
        }
    }

    private final Map<String, Entry> entries; // dropped checks are absent
    private final List<String> leaderboard;

    private Rubric(Map<String, Entry> entries, List<String> leaderboard) {
        this.entries = entries;
        this.leaderboard = List.copyOf(leaderboard);
    }

    /** The rubric the checks declare. */
    public static Rubric defaults(CheckCatalog catalog) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (CheckDefinition check : catalog.all()) {
            entries.put(check.id(), new Entry(check.points(), Visibility.VISIBLE));
        }
        return new Rubric(entries, List.of());
    }

    /**
     * The default rubric with the overrides of a rubric file (YAML or JSON).
     *
     * @throws RubricException naming the line and field of the first problem
     */
    public static Rubric fromFile(Path file, CheckCatalog catalog) {
        Map<String, Entry> entries = new LinkedHashMap<>(defaults(catalog).entries);
        RubricFileReader.Contents contents = RubricFileReader.read(file, catalog);
        for (RubricFileReader.Override override : contents.overrides()) {
            Entry current = entries.get(override.checkId());
            if (override.drop()) {
                entries.remove(override.checkId());
            } else {
                entries.put(override.checkId(), new Entry(override.points().orElse(current.points()),
                        override.visibility().orElse(current.visibility())));
            }
        }
        return new Rubric(entries, contents.leaderboard());
    }

    /** This rubric without the checks {@code keep} rejects (e.g. to grade one phase only). */
    public Rubric only(java.util.function.Predicate<String> keep) {
        Map<String, Entry> kept = new LinkedHashMap<>();
        entries.forEach((id, entry) -> {
            if (keep.test(id)) {
                kept.put(id, entry);
            }
        });
        return new Rubric(kept, leaderboard);
    }

    /** The measurements that go on Gradescope's leaderboard, by name (see {@code report.Leaderboard}); often none. */
    public List<String> leaderboard() {
        return leaderboard;
    }

    /** How {@code checkId} counts; empty when the rubric drops it. */
    public Optional<Entry> entry(String checkId) {
        return Optional.ofNullable(entries.get(checkId));
    }
}
