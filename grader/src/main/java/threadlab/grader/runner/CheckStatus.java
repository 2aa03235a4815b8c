package threadlab.grader.runner;

import java.util.Locale;

/** How a check ended. */
public enum CheckStatus {
    PASSED, FAILED, ERROR, TIMEOUT, SKIPPED,
    /** A verdict the grader cannot trust (e.g. vmlens did not finish): the points are awarded, with a note. */
    INCONCLUSIVE;

    /** Whether the check's points are awarded. */
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
