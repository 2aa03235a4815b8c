package threadlab.grader.packs.__ID__;

import static threadlab.grader.checks.support.Verify.that;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import threadlab.__ID__.__CLASS__;
import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.checks.support.Blocking;
import threadlab.grader.checks.support.ForbiddenApis;
import threadlab.grader.checks.support.StressRounds;
import threadlab.grader.checks.support.Workers;

/** Checks of {@code threadlab.__ID__}: one of each category but interleavings (see __CLASS__Interleavings). */
public class __CLASS__Checks {

    private static final Duration LIMIT = Duration.ofSeconds(5);
    private final Workers workers = new Workers(); // threads of the check, stopped after each

    @AfterEach
    void stopWorkers() {
        workers.close();
    }

    @Test
    @Check(id = "__ID__.releases-all", category = Category.CORRECTNESS, points = 3,
            title = "open() lets every waiting thread through")
    void releasesAll() throws Throwable {
        // Rounds for a time budget, each shaped by a random drawn from the grading seed (--seed replays it).
        StressRounds.atLeast(3).run("__ID__.releases-all", random -> {
            int threads = StressRounds.between(random, 2, 8);
            __CLASS__ gate = new __CLASS__();
            List<CompletableFuture<Void>> waiters = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                waiters.add(workers.run("waiter-" + t, gate::await));
            }
            gate.open();
            Workers.awaitAll(waiters, LIMIT, threads + " threads waiting in await() after open()");
            that(gate.isOpen(), "isOpen() is false after open().");
        });
    }

    @Test
    @Check(id = "__ID__.timed-await", category = Category.CONTRACT, points = 2,
            title = "await(timeout) returns false on a closed gate after the timeout, true on an open one")
    void timedAwait() throws Throwable {
        __CLASS__ gate = new __CLASS__();
        boolean passed = Workers.await(workers.start("timed", () -> gate.await(20, TimeUnit.MILLISECONDS)), LIMIT,
                "await(20 ms) on a closed gate");
        that(!passed, "await(20 ms) on a gate nobody opened returned true.");
        gate.open();
        that(gate.await(0, TimeUnit.SECONDS), "await(0 s) on an open gate returned false.");
    }

    @Test
    @Check(id = "__ID__.waiters-block", category = Category.BLOCKING, points = 2,
            title = "A thread waiting in await() blocks instead of spinning")
    void waitersBlock() throws Throwable {
        __CLASS__ gate = new __CLASS__();
        Blocking.assertWaitsProperly(workers, "waiter", () -> {
            gate.await();
            return null;
        }, "await() on a closed gate", "While waiting in await()");
        gate.open();
    }

    @Test
    @Check(id = "__ID__.policy", category = Category.POLICY, points = 1, title = "Uses no CountDownLatch")
    void policy() {
        ForbiddenApis.assertNone(__CLASS__::new, ForbiddenApis.find("threadlab.__ID__", c -> true,
                type -> type.equals("java.util.concurrent.CountDownLatch")),
                "__ID__ may not use CountDownLatch: build the gate yourself.");
    }
}
