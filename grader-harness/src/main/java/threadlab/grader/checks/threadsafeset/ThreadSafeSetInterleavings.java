package threadlab.grader.checks.threadsafeset;

import static threadlab.grader.checks.support.Verify.that;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.api.Explorer;
import threadlab.grader.checks.support.Interleavings;
import threadlab.grader.checks.support.ModelChecking;
import threadlab.grader.checks.support.Workers;
import threadlab.threadsafeset.ThreadSafeSet;

/** Interleaving scenarios of {@code threadlab.threadsafeset}, explored by vmlens or Lincheck. */
public class ThreadSafeSetInterleavings {

    private static final String SAME_ELEMENT = "threadsafeset.interleaved-add-remove";
    private static final String ADD_ALL = "threadsafeset.interleaved-addall-snapshot";
    private static final String SAME_ADD = "threadsafeset.interleaved-same-add";

    @Test
    @Check(id = SAME_ELEMENT, category = Category.INTERLEAVINGS, points = 3, timeoutSeconds = 20,
            title = "add and remove of the same element from two threads: a result some order explains")
    void interleavedAddRemove() throws Exception {
        Interleavings.explore(SAME_ELEMENT, 30, () -> {
            ThreadSafeSet<Integer> set = new ThreadSafeSet<>();
            AtomicBoolean added = new AtomicBoolean();
            AtomicBoolean removed = new AtomicBoolean();
            Interleavings.inParallel("adder", () -> added.set(set.add(1)), "remover", () -> removed.set(set.remove(1)));
            boolean contains = set.contains(1);
            boolean addFirst = added.get() && removed.get() && !contains;
            boolean removeFirst = added.get() && !removed.get() && contains;
            that(addFirst || removeFirst, "on an empty set, one thread called add(1) while another called remove(1): "
                    + "add returned %s, remove returned %s, then contains(1) returned %s. No order of the two calls gives "
                    + "that (add first: true, true, false; remove first: true, false, true).",
                    added.get(), removed.get(), contains);
        });
    }

    @Test
    @Check(id = ADD_ALL, category = Category.INTERLEAVINGS, points = 3, timeoutSeconds = 40,
            explorer = Explorer.LINCHECK,
            title = "addAll() racing remove() and snapshot(): in every order each sees addAll() whole or not at all")
    void interleavedAddAllRemoveSnapshot(TestReporter reporter) {
        ModelChecking.explore(reporter, 300, () -> {
            ThreadSafeSet<Integer> set = new ThreadSafeSet<>();
            AtomicBoolean removed = new AtomicBoolean();
            AtomicReference<Set<Integer>> seen = new AtomicReference<>();
            ModelChecking.inParallel(List.of("adder", "remover", "reader"), List.of(
                    () -> set.addAll(List.of(1, 2)),
                    () -> removed.set(set.remove(1)),
                    () -> seen.set(set.snapshot())));
            Set<Integer> snapshot = seen.get();
            that(snapshot.isEmpty() || snapshot.equals(Set.of(1, 2)) || snapshot.equals(Set.of(2)), "one thread called "
                    + "addAll([1, 2]) on an empty set while another called remove(1) and a third snapshot(): the snapshot "
                    + "was %s, but only [], [1, 2] or [2] are possible. addAll() must add all its elements in one "
                    + "critical section, and snapshot() copy under the same lock.", snapshot);
            Set<Integer> expected = removed.get() ? Set.of(2) : Set.of(1, 2);
            that(set.snapshot().equals(expected), "addAll([1, 2]) raced remove(1), which returned %s; the set ended as "
                    + "%s instead of %s.", removed.get(), set.snapshot(), expected);
        });
    }

    @Test
    @Check(id = SAME_ADD, category = Category.INTERLEAVINGS, points = 2, timeoutSeconds = 40,
            explorer = Explorer.LINCHECK,
            title = "Two threads adding the same element: in every order exactly one add() returns true")
    void interleavedSameAdd(TestReporter reporter) {
        ModelChecking.explore(reporter, 300, () -> {
            ThreadSafeSet<Integer> set = new ThreadSafeSet<>();
            AtomicInteger added = new AtomicInteger();
            Workers.ThrowingRunnable add = () -> {
                if (set.add(1)) {
                    added.incrementAndGet();
                }
            };
            ModelChecking.inParallel(List.of("adder-1", "adder-2"), List.of(add, add));
            that(added.get() == 1, "two threads each called add(1) on an empty set: %d of the calls returned true, but "
                    + "exactly one adds the element. Checking that the element is missing and adding it must happen in "
                    + "one critical section; between two, the other thread can add it too.", added.get());
            that(set.size() == 1, "two threads each called add(1) on an empty set; size() is then %d instead of 1.",
                    set.size());
        });
    }
}
