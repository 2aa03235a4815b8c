package threadlab.grader.runner;

import java.util.Locale;

/** How a check ended. */
public enum CheckStatus {
    PASSED, FAILED, ERROR, TIMEOUT, SKIPPED,
    /** A verdict the grader cannot trust (e.g. vmlens did not finish): the points are awarded, with a note. */
    INCONCLUSIVE,
    /** Some of the points: a performance check measured below its full band. */
    PARTIAL;

    /** Whether the check's points are awarded (all of them; a partial check's share is in its outcome). */
    public boolean awarded() {
        return this == PASSED || this == INCONCLUSIVE;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CheckStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
