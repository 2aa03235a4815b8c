package threadlab.counterlock;

/**
 * A counter that many threads update, protected by your {@link CounterLock}.
 * See {@code exercises/guides/1-counterlock.md}.
 */
public final class SharedCounter {

    public SharedCounter() {
        throw new UnsupportedOperationException(
                "SharedCounter(): not implemented yet. Give the counter a long value and its own CounterLock.");
    }

    public void increment() {
        throw new UnsupportedOperationException(
                "SharedCounter.increment(): not implemented yet. value += 1 is a read, an add and a write: "
                        + "do all three while holding the lock.");
    }

    public void add(long delta) {
        throw new UnsupportedOperationException(
                "SharedCounter.add(delta): not implemented yet. Same as increment(), by delta, under the lock.");
    }

    public long get() {
        throw new UnsupportedOperationException(
                "SharedCounter.get(): not implemented yet. Read the value under the lock too, so you see the latest write.");
    }
}
