package threadlab.grader.checks.processmap;

import static threadlab.grader.checks.support.Verify.that;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.checks.support.Interleavings;
import threadlab.processmap.ProcessMap;

/**
 * Interleaving scenarios of {@code threadlab.processmap}, explored by vmlens. The children are separate
 * processes vmlens cannot see; what two threads share is the parent's bookkeeping, which close() touches.
 */
public class ProcessMapInterleavings {

    private static final String CLOSE_TWICE = "processmap.interleaved-close";

    @Test
    @Check(id = CLOSE_TWICE, category = Category.INTERLEAVINGS, points = 2, timeoutSeconds = 20,
            title = "Two threads closing the same ProcessMap: both return, nothing thrown")
    void interleavedClose() throws Exception {
        Interleavings.explore(CLOSE_TWICE, () -> {
            ProcessMap map = new ProcessMap(1);
            AtomicReference<Integer> processes = new AtomicReference<>();
            Interleavings.inParallel("closer", map::close, "other-closer", () -> {
                map.close();
                processes.set(map.processes());
            });
            that(processes.get() == 1, "processes() returned %s after close() instead of the configured 1.", processes.get());
        });
    }
}
