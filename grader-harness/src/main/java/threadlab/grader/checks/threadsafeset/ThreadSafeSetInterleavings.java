package threadlab.grader.checks.threadsafeset;

import static threadlab.grader.checks.support.Verify.that;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.checks.support.Interleavings;
import threadlab.threadsafeset.ThreadSafeSet;

/** Interleaving scenarios of {@code threadlab.threadsafeset}, explored by vmlens. */
public class ThreadSafeSetInterleavings {

    private static final String SAME_ELEMENT = "threadsafeset.interleaved-add-remove";
    private static final String ADD_ALL = "threadsafeset.interleaved-addall-snapshot";

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
    @Check(id = ADD_ALL, category = Category.INTERLEAVINGS, points = 3, timeoutSeconds = 20,
            title = "addAll racing snapshot and size: never seen half done")
    void interleavedAddAllSnapshot() throws Exception {
        Interleavings.explore(ADD_ALL, () -> {
            ThreadSafeSet<Integer> set = new ThreadSafeSet<>();
            AtomicReference<Set<Integer>> seen = new AtomicReference<>();
            AtomicReference<Integer> size = new AtomicReference<>();
            Interleavings.inParallel("adder", () -> set.addAll(List.of(1, 2)), "reader", () -> {
                seen.set(set.snapshot());
                size.set(set.size());
            });
            that(seen.get().size() != 1, "one thread called addAll([1, 2]) while another took a snapshot(): the snapshot "
                    + "was %s, half of the addAll. addAll must add all its elements in one atomic step.", seen.get());
            that(size.get() != 1, "one thread called addAll([1, 2]) while another called size(): size() returned 1, "
                    + "half of the addAll. addAll must add all its elements in one atomic step.");
        });
    }
}
