package threadlab.boundedbuffer;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A FIFO buffer of fixed capacity: producers wait while it is full, consumers while it is empty.
 *
 * <p>One lock guards a circular array; two conditions separate the two kinds of waiters, so a
 * {@code put} wakes only a consumer and a {@code take} only a producer. Every wait sits in a
 * {@code while} loop: a woken thread re-checks its condition, because another thread may have
 * changed the buffer between the signal and the moment the woken thread runs again.
 */
public final class BoundedBuffer<E> {

    private final Object[] items;          // guarded by lock
    private int head;                      // index of the oldest item
    private int count;
    private boolean closed;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.items = new Object[capacity];
    }

    public void put(E item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        lock.lockInterruptibly();
        try {
            while (count == items.length && !closed) {
                notFull.await();
            }
            ensureOpenForProducers();
            enqueue(item);
        } finally {
            lock.unlock();
        }
    }

    public E take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (count == 0 && !closed) {
                notEmpty.await();
            }
            return dequeueOrFailIfClosed();
        } finally {
            lock.unlock();
        }
    }

    public boolean offer(E item, long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (count == items.length && !closed) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = notFull.awaitNanos(nanos);
            }
            ensureOpenForProducers();
            enqueue(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (count == 0 && !closed) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return dequeueOrFailIfClosed();
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    public int capacity() {
        return items.length;
    }

    public void close() {
        lock.lock();
        try {
            closed = true;
            // Every waiter must re-check: producers will throw, consumers drain what is left.
            notFull.signalAll();
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpenForProducers() {
        if (closed) {
            throw new BufferClosedException("the buffer is closed: no more items can be added");
        }
    }

    private void enqueue(E item) {
        items[(head + count) % items.length] = item;
        count++;
        notEmpty.signal();
    }

    private E dequeueOrFailIfClosed() {
        if (count == 0) { // only reachable when closed: the wait loop exits on an item or on close
            throw new BufferClosedException("the buffer is closed and empty");
        }
        @SuppressWarnings("unchecked")
        E item = (E) items[head];
        items[head] = null; // let the item be garbage-collected
        head = (head + 1) % items.length;
        count--;
        notFull.signal();
        return item;
    }
}
