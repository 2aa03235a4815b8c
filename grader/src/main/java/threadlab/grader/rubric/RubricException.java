package threadlab.grader.rubric;

/** An invalid rubric file; the message names the file, the line and the field. */
public class RubricException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RubricException(String message) {
        super(message);
    }
}
