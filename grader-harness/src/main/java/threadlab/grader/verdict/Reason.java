package threadlab.grader.verdict;

import java.util.Locale;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a check ended as it did, beside its {@link CheckStatus}. A reason is set where the fact is known — by the
 * harness from the type of what a check threw, by the host from how a JVM ended or from an engine's own typed
 * signal — and never read back out of a message, which student code can write.
 */
public enum Reason {
    /** The check passed. */
    NONE,
    /** The exercise's stub is still in place ("not implemented yet"). */
    NOT_IMPLEMENTED,
    /** The behaviour the check asserts did not hold. */
    ASSERTION,
    /** The student's code threw an exception the check did not expect. */
    UNEXPECTED_EXCEPTION,
    /** The student's classes do not match the exercise's API. */
    API_MISMATCH,
    /** The check did not finish within its time limit. */
    TIMEOUT,
    /** Threads waited for each other in a cycle. */
    DEADLOCK,
    /** A thread that should have blocked kept running or polling. */
    BUSY_WAITING,
    /** The check JVM ended while the check ran (exit, halt, crash). */
    JVM_DIED,
    /** The check JVM ran out of heap, or of threads and processes. */
    OUT_OF_RESOURCES,
    /** An exploration engine (vmlens, Lincheck) failed inside itself: the verdict is not the student's. */
    ENGINE_ERROR,
    /** An exploration engine stopped at its own bound (iterations, time) before it could decide. */
    ENGINE_LIMIT,
    /** The exercise's time budget was used up by earlier checks that hung. */
    BUDGET_EXHAUSTED,
    /** Not run: the bytecode uses an API the exercise does not allow. */
    REJECTED,
    /** The check JVM's result records were forged, reordered or not requested. */
    TAMPERED,
    /** The exercise has no source files in the submission. */
    MISSING,
    /** The exercise does not compile. */
    COMPILE_ERROR,
    /** A performance check had no measurement to score. */
    NOT_MEASURED,
    /**
     * A performance check could not tell: the grader's own reference implementation reached no meaningful
     * speed-up in this sandbox (too few CPUs, or too busy). No point is lost.
     */
    UNMEASURABLE,
    /** A performance check measured below its full band. */
    BELOW_BAND,
    /** A data race confirmed by the bytecode. */
    DATA_RACE,
    /** The check did not apply (an assumption did not hold) or was not asked for. */
    NOT_APPLICABLE,
    /** The grader itself failed; nothing the student did. */
    GRADER_ERROR;

    /** The lower-case name used in every report format, e.g. {@code busy_waiting}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Reason fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
