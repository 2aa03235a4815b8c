package threadlab.grader.packs.barrier;

import static threadlab.grader.checks.support.Verify.that;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import threadlab.barrier.Barrier;
import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.api.Explorer;
import threadlab.grader.checks.support.ModelChecking;

/** Interleaving scenarios of {@code threadlab.barrier}, explored by Lincheck's model checker. */
public class BarrierInterleavings {

    @Test
    @Check(id = "barrier.interleaved-generations", category = Category.INTERLEAVINGS, points = 3, timeoutSeconds = 40,
            explorer = Explorer.LINCHECK,
            title = "Two parties passing the barrier twice: in every order both generations trip, nobody is left behind")
    void interleavedGenerations(TestReporter reporter) {
        ModelChecking.explore(reporter, 300, () -> {
            Barrier barrier = new Barrier(2);
            AtomicIntegerArray indexes = new AtomicIntegerArray(4); // generation * 2 + index
            ModelChecking.inParallel(List.of("party-1", "party-2"), List.of(() -> {
                indexes.incrementAndGet(barrier.await());
                indexes.incrementAndGet(2 + barrier.await());
            }, () -> {
                indexes.incrementAndGet(barrier.await());
                indexes.incrementAndGet(2 + barrier.await());
            }));
            for (int slot = 0; slot < 4; slot++) {
                that(indexes.get(slot) == 1, "two threads each called await() twice on a barrier of 2 parties; "
                        + "generation %d returned index %d %d times instead of once (indexes seen: %s).",
                        slot / 2 + 1, slot % 2, indexes.get(slot), indexes);
            }
            that(barrier.waiting() == 0 && !barrier.isBroken(), "after two full generations of a barrier of 2 parties, "
                    + "waiting()=%d and isBroken()=%s; expected 0 and false.", barrier.waiting(), barrier.isBroken());
        });
    }
}
