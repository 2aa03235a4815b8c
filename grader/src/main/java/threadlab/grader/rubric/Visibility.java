package threadlab.grader.rubric;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When students see a check's details, as Gradescope's {@code visibility} of a test says it. ThreadLab's own reports
 * (text, HTML, JUnit) have no due date: they show the details of {@link #VISIBLE} checks only.
 */
public enum Visibility {
    VISIBLE, HIDDEN, AFTER_DUE_DATE, AFTER_PUBLISHED;

    /** As rubric files and Gradescope spell it: {@code after_due_date}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether students may not see the details now. */
    public boolean hidesDetails() {
        return this != VISIBLE;
    }

    @JsonCreator
    static Visibility fromJson(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("unknown visibility '" + id + "'"));
    }

    /** The visibility spelled {@code id}, if there is one. */
    public static Optional<Visibility> byId(String id) {
        return Arrays.stream(values()).filter(v -> v.id().equals(id)).findFirst();
    }

    /** "visible, hidden, after_due_date, after_published", for error messages. */
    public static String choices() {
        return Arrays.stream(values()).map(Visibility::id).collect(Collectors.joining(", "));
    }
}
