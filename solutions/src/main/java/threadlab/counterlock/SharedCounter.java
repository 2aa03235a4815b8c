package threadlab.counterlock;

/** A {@code long} counter whose every read and write happens under its own {@link CounterLock}. */
public final class SharedCounter {

    private final CounterLock lock = new CounterLock();
    /** Guarded by {@link #lock}; the lock's monitor also makes writes visible to later readers. */
    private long value;

    public SharedCounter() {
    }

    public void increment() {
        add(1);
    }

    public void add(long delta) {
        lock.lock();
        try {
            value += delta; // read-modify-write: only safe because no other thread can interleave here
        } finally {
            lock.unlock();
        }
    }

    public long get() {
        lock.lock();
        try {
            return value;
        } finally {
            lock.unlock();
        }
    }
}
