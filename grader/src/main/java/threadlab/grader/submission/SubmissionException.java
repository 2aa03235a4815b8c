package threadlab.grader.submission;

/** A submission that cannot be read: a missing path, a corrupt or unsafe archive. The message says why. */
public class SubmissionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SubmissionException(String message) {
        super(message);
    }

    public SubmissionException(String message, Throwable cause) {
        super(message, cause);
    }
}
