package threadlab.grader.verdict;

import java.util.Locale;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a check ended. Set by the harness (inside the check JVM) or by the host's phases, carried unchanged
 * through events, outcomes and reports; every report writer switches on it. {@link Reason} says why.
 */
public enum CheckStatus {
    PASSED, FAILED, ERROR, TIMEOUT, SKIPPED,
    /** A verdict the grader cannot trust (an exploration engine's own limit or error): points kept, with a note. */
    INCONCLUSIVE,
    /** Some of the points: a performance check measured below its full band. */
    PARTIAL,
    /** The exercise was not run at all: its code uses an API the exercise does not allow. */
    REJECTED;

    /** Whether the check's points are awarded (all of them; a partial check's share is in its outcome). */
    public boolean awarded() {
        return this == PASSED || this == INCONCLUSIVE;
    }

    /** The lower-case name used in every report format, e.g. {@code passed}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CheckStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
