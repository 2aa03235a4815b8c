package threadlab.boundedbuffer;

/** Thrown by a {@link BoundedBuffer} operation that cannot proceed because the buffer is closed. */
public class BufferClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public BufferClosedException(String message) {
        super(message);
    }
}
