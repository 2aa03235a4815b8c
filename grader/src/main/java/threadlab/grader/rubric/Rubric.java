package threadlab.grader.rubric;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import threadlab.grader.catalog.CheckCatalog;
import threadlab.grader.catalog.CheckDefinition;

/**
 * Points and visibility of every check. The default rubric is what the checks declare; an
 * instructor's rubric file can change points, drop checks or hide their details from students.
 */
public final class Rubric {

    /** How one check counts: its points, and whether students see its details. */
    public record Entry(double points, boolean hidden) {
    }

    private final Map<String, Entry> entries; // dropped checks are absent

    private Rubric(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** The rubric the checks declare. */
    public static Rubric defaults(CheckCatalog catalog) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (CheckDefinition check : catalog.all()) {
            entries.put(check.id(), new Entry(check.points(), false));
        }
        return new Rubric(entries);
    }

    /**
     * The default rubric with the overrides of a rubric file (YAML or JSON).
     *
     * @throws RubricException naming the line and field of the first problem
     */
    public static Rubric fromFile(Path file, CheckCatalog catalog) {
        Map<String, Entry> entries = new LinkedHashMap<>(defaults(catalog).entries);
        for (RubricFileReader.Override override : RubricFileReader.read(file, catalog)) {
            Entry current = entries.get(override.checkId());
            if (override.drop()) {
                entries.remove(override.checkId());
            } else {
                entries.put(override.checkId(), new Entry(override.points().orElse(current.points()),
                        override.hidden().orElse(current.hidden())));
            }
        }
        return new Rubric(entries);
    }

    /** This rubric without the checks {@code keep} rejects (e.g. to grade one phase only). */
    public Rubric only(java.util.function.Predicate<String> keep) {
        Map<String, Entry> kept = new LinkedHashMap<>();
        entries.forEach((id, entry) -> {
            if (keep.test(id)) {
                kept.put(id, entry);
            }
        });
        return new Rubric(kept);
    }

    /** How {@code checkId} counts; empty when the rubric drops it. */
    public Optional<Entry> entry(String checkId) {
        return Optional.ofNullable(entries.get(checkId));
    }
}
