package threadlab.grader.packs.__ID__;

import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.benchmark.Band;
import threadlab.grader.benchmark.BenchmarkResults;
import threadlab.grader.benchmark.Performance;
import threadlab.grader.benchmark.Verdicts;

/**
 * Scores what {@link __CLASS__Benchmark} measured. The grader calls it outside the sandbox with the results alone, so
 * it names no class of the student's (the benchmark takes its constants from here, not the other way round).
 */
public final class __CLASS__Performance {

    static final String PING_PONG_VS_LATCH = "__ID__.ping-pong-vs-countdownlatch";
    /** Every point from 0.3 of CountDownLatch's speed, none at 0.05: a gate that sleeps between looks falls below. */
    static final Band BAND = new Band(0.3, 0.05);

    private __CLASS__Performance() {
    }

    @Check(id = "__ID__.throughput", category = Category.PERFORMANCE, points = 2,
            title = "A waiter gets through an opened gate at least about a third as fast as through a CountDownLatch")
    static Performance throughput(BenchmarkResults results) {
        return Verdicts.ratio(results, PING_PONG_VS_LATCH, BAND, "how fast two threads pass 500 gates each, each"
                + " opened by the other, against the JDK's CountDownLatch", "sleeping between looks at the gate, instead"
                + " of waiting to be woken, makes every pass take at least the length of a sleep");
    }
}
