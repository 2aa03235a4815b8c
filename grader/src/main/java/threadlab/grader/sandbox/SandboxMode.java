package threadlab.grader.sandbox;

import java.util.Locale;

/** Where untrusted work runs: {@code --sandbox auto|docker|local}. */
public enum SandboxMode {
    /** A Docker container when an engine answers, else a local JVM (advisory). */
    AUTO,
    /** A Docker container, or nothing: fail clearly when no engine answers. */
    DOCKER,
    /** A JVM on this machine, with the grader's own limits only. */
    LOCAL,
    /**
     * A JVM in the container this grader already runs in (batch grading starts the grader inside a sandbox
     * container, which pins its CPUs and cuts its network): isolated, though local.
     */
    CONTAINER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
