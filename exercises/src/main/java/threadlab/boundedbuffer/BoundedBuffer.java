package threadlab.boundedbuffer;

import java.util.concurrent.TimeUnit;

/**
 * A FIFO buffer of fixed capacity shared by producers and consumers.
 * See {@code exercises/guides/3-boundedbuffer.md}.
 */
public final class BoundedBuffer<E> {

    public BoundedBuffer(int capacity) {
        throw new UnsupportedOperationException(
                "BoundedBuffer(capacity): not implemented yet. Reject capacity < 1 with IllegalArgumentException "
                        + "and allocate the storage.");
    }

    public void put(E item) throws InterruptedException {
        throw new UnsupportedOperationException(
                "BoundedBuffer.put(item): not implemented yet. While the buffer is full, wait (in a while loop, "
                        + "not an if); then add the item and wake the consumers.");
    }

    public E take() throws InterruptedException {
        throw new UnsupportedOperationException(
                "BoundedBuffer.take(): not implemented yet. While the buffer is empty, wait; then remove the oldest "
                        + "item and wake the producers.");
    }

    public boolean offer(E item, long timeout, TimeUnit unit) throws InterruptedException {
        throw new UnsupportedOperationException(
                "BoundedBuffer.offer(item, timeout, unit): not implemented yet. Like put, but return false when "
                        + "the timeout passes while the buffer is still full.");
    }

    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        throw new UnsupportedOperationException(
                "BoundedBuffer.poll(timeout, unit): not implemented yet. Like take, but return null when the "
                        + "timeout passes while the buffer is still empty.");
    }

    public int size() {
        throw new UnsupportedOperationException("BoundedBuffer.size(): not implemented yet. How many items are inside now?");
    }

    public int capacity() {
        throw new UnsupportedOperationException("BoundedBuffer.capacity(): not implemented yet. The capacity given to the constructor.");
    }

    public void close() {
        throw new UnsupportedOperationException(
                "BoundedBuffer.close(): not implemented yet. Mark the buffer closed and wake EVERY waiting thread, "
                        + "producers and consumers alike.");
    }

    public boolean isClosed() {
        throw new UnsupportedOperationException("BoundedBuffer.isClosed(): not implemented yet. Has close() been called?");
    }
}
