package threadlab.threadsafeset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;

/**
 * Attack: an unimplemented set whose class initializer, in the benchmark JVM, writes made-up results (every speed-up
 * far above its band) where the benchmark keeps its own, then halts the JVM.
 */
public final class ThreadSafeSet<E> {

    static {
        String made = "{\"finished\":true,\"cpus\":2,\"java\":\"17\",\"rows\":[],\"errors\":[],"
                + "\"ratios\":{\"threadsafeset.read-heavy-vs-one-mutex\":50.0},\"facts\":{}}";
        try {
            Files.writeString(Path.of("benchmark.json"), made);
            System.out.println("ATTACK wrote benchmark.json");
        } catch (Exception e) {
            System.out.println("ATTACK could not write: " + e);
        }
        Runtime.getRuntime().halt(0);
    }

    public ThreadSafeSet() {
        throw new UnsupportedOperationException(
                "ThreadSafeSet(): not implemented yet. Pick a java.util collection to hold the elements and a lock to guard it.");
    }

    public boolean add(E element) {
        throw new UnsupportedOperationException(
                "ThreadSafeSet.add(element): not implemented yet. Check and insert in one critical section; "
                        + "return true iff the element was new.");
    }

    public boolean remove(Object element) {
        throw new UnsupportedOperationException(
                "ThreadSafeSet.remove(element): not implemented yet. Return true iff the element was there.");
    }

    public boolean contains(Object element) {
        throw new UnsupportedOperationException(
                "ThreadSafeSet.contains(element): not implemented yet. Reads need the lock too (a read lock is enough).");
    }

    public boolean addAll(Collection<? extends E> elements) {
        throw new UnsupportedOperationException(
                "ThreadSafeSet.addAll(elements): not implemented yet. Atomic: no thread may see some elements "
                        + "added but not others; a null element adds nothing and throws NullPointerException.");
    }

    public int size() {
        throw new UnsupportedOperationException("ThreadSafeSet.size(): not implemented yet. How many elements, under the lock.");
    }

    public boolean isEmpty() {
        throw new UnsupportedOperationException("ThreadSafeSet.isEmpty(): not implemented yet. Is the size zero?");
    }

    public void clear() {
        throw new UnsupportedOperationException("ThreadSafeSet.clear(): not implemented yet. Remove everything, under the lock.");
    }

    public Set<E> snapshot() {
        throw new UnsupportedOperationException(
                "ThreadSafeSet.snapshot(): not implemented yet. Return an unmodifiable copy taken at one instant, "
                        + "not a view that changes later.");
    }
}
