package threadlab.grader.checks.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import org.apiguardian.api.API;
import threadlab.grader.verdict.Reason;

/**
 * A failed check whose cause the harness has established itself — busy waiting seen by a probe, a deadlock found
 * by the JVM, an exploration engine failing inside itself — carried as a typed {@link Reason} so that nobody
 * downstream reads it out of the message. Only the harness creates these (the bytecode allowlist keeps student
 * code away from {@code threadlab.grader}), and the runner trusts one only if it was created in grader code.
 */
@API(status = INTERNAL, since = "0.1")
public final class ClassifiedFailure extends AssertionError {

    private final Reason reason;

    public ClassifiedFailure(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason);
    }

    public ClassifiedFailure(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
