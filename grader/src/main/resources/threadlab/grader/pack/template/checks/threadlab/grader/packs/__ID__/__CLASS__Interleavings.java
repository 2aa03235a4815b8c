package threadlab.grader.packs.__ID__;

import static threadlab.grader.checks.support.Verify.that;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import threadlab.__ID__.__CLASS__;
import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.api.Explorer;
import threadlab.grader.checks.support.ModelChecking;

/** Interleaving scenarios of {@code threadlab.__ID__}, explored by Lincheck's model checker. */
public class __CLASS__Interleavings {

    @Test
    @Check(id = "__ID__.interleaved-open", category = Category.INTERLEAVINGS, points = 3, timeoutSeconds = 40,
            explorer = Explorer.LINCHECK, title = "open() racing await(): in every order the waiter gets through")
    void interleavedOpen(TestReporter reporter) {
        ModelChecking.explore(reporter, 300, () -> {
            __CLASS__ gate = new __CLASS__();
            ModelChecking.inParallel(List.of("waiter", "opener"), List.of(gate::await, gate::open));
            that(gate.isOpen(), "one thread called await() while another called open(); isOpen() was false after.");
        });
    }
}
