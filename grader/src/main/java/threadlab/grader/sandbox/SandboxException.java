package threadlab.grader.sandbox;

/** The sandbox asked for cannot be had, e.g. {@code --sandbox docker} without a Docker engine. */
public final class SandboxException extends RuntimeException {

    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
