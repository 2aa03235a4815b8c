package threadlab.grader.runner;

import java.util.Locale;

/** How a check ended. */
public enum CheckStatus {
    PASSED, FAILED, ERROR, TIMEOUT, SKIPPED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CheckStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
