package threadlab.grader.checks.philosophers;

import static threadlab.grader.checks.support.Verify.that;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.api.Explorer;
import threadlab.grader.checks.support.ModelChecking;
import threadlab.grader.checks.support.Workers;
import threadlab.philosophers.DiningTable;

/** Interleaving scenarios of {@code threadlab.philosophers}, explored by Lincheck's model checker. */
public class PhilosophersInterleavings {

    private static final String ONE_MEAL_EACH = "philosophers.interleaved-one-meal-each";
    private static final int SEATS = 3;

    @Test
    @Check(id = ONE_MEAL_EACH, category = Category.INTERLEAVINGS, points = 3, timeoutSeconds = 40,
            explorer = Explorer.LINCHECK,
            title = "Three philosophers, one meal each: in every order they all eat, never beside an eating neighbour")
    void oneMealEach(TestReporter reporter) {
        ModelChecking.explore(reporter, 300, () -> {
            DiningTable table = new DiningTable(SEATS);
            AtomicIntegerArray eating = new AtomicIntegerArray(SEATS);
            AtomicBoolean neighboursAteTogether = new AtomicBoolean();
            List<String> names = new ArrayList<>();
            List<Workers.ThrowingRunnable> philosophers = new ArrayList<>();
            for (int seat = 0; seat < SEATS; seat++) {
                int me = seat;
                names.add("philosopher-" + seat);
                philosophers.add(() -> table.dine(me, () -> {
                    eating.set(me, 1);
                    if (eating.get((me + 1) % SEATS) == 1 || eating.get((me + SEATS - 1) % SEATS) == 1) {
                        neighboursAteTogether.set(true);
                    }
                    eating.set(me, 0);
                }));
            }
            ModelChecking.inParallel(names, philosophers);
            that(!neighboursAteTogether.get(), "three philosophers at a table of three each called dine() once: two "
                    + "neighbours ate at the same time, so they shared a fork.");
        });
    }
}
