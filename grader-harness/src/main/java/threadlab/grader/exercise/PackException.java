package threadlab.grader.exercise;

/** A pack that cannot be used, with a one-line reason that names the pack and the problem. */
public final class PackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PackException(String message) {
        super(message);
    }

    public PackException(String message, Throwable cause) {
        super(message, cause);
    }
}
