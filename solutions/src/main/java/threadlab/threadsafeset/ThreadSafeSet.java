package threadlab.threadsafeset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A hash set shared by many threads, guarded by one read-write lock.
 *
 * <p>Readers ({@code contains}, {@code size}, {@code snapshot}) share the read lock and run in
 * parallel; writers take the write lock. Every public method is one critical section, so each is
 * atomic and the set is linearizable. Compound operations ({@code addAll}) hold the write lock for
 * their whole duration, so no reader can see them half done.
 */
public final class ThreadSafeSet<E> {

    private final Set<E> elements = new HashSet<>(); // guarded by lock
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Lock read = lock.readLock();
    private final Lock write = lock.writeLock();

    public ThreadSafeSet() {
    }

    public boolean add(E element) {
        Objects.requireNonNull(element, "element");
        write.lock();
        try {
            return elements.add(element);
        } finally {
            write.unlock();
        }
    }

    public boolean remove(Object element) {
        Objects.requireNonNull(element, "element");
        write.lock();
        try {
            return elements.remove(element);
        } finally {
            write.unlock();
        }
    }

    public boolean contains(Object element) {
        Objects.requireNonNull(element, "element");
        read.lock();
        try {
            return elements.contains(element);
        } finally {
            read.unlock();
        }
    }

    public boolean addAll(Collection<? extends E> newElements) {
        // Copy and validate before locking: the caller's collection may change under us, and a null
        // must reject the whole call before anything is added.
        List<E> copy = new ArrayList<>(Objects.requireNonNull(newElements, "elements"));
        for (E element : copy) {
            Objects.requireNonNull(element, "addAll: the collection contains null");
        }
        write.lock();
        try {
            return elements.addAll(copy);
        } finally {
            write.unlock();
        }
    }

    public int size() {
        read.lock();
        try {
            return elements.size();
        } finally {
            read.unlock();
        }
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    public void clear() {
        write.lock();
        try {
            elements.clear();
        } finally {
            write.unlock();
        }
    }

    public Set<E> snapshot() {
        read.lock();
        try {
            return Collections.unmodifiableSet(new HashSet<>(elements));
        } finally {
            read.unlock();
        }
    }
}
