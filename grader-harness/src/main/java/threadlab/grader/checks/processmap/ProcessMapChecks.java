package threadlab.grader.checks.processmap;

import static threadlab.grader.checks.support.Verify.that;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.checks.support.Verify;
import threadlab.grader.checks.support.Workers;
import threadlab.processmap.ProcessMap;
import threadlab.processmap.RemoteFunction;
import threadlab.processmap.WorkerCrashedException;

/** Checks of {@code threadlab.processmap}. */
public class ProcessMapChecks {

    private static final Duration LIMIT = Duration.ofSeconds(20);
    private final Workers workers = new Workers();
    private final List<ProcessMap> maps = new ArrayList<>();

    private ProcessMap processMap(int processes) {
        ProcessMap map = new ProcessMap(processes);
        maps.add(map);
        return map;
    }

    @AfterEach
    void cleanUp() {
        for (ProcessMap map : maps) {
            try {
                map.close();
            } catch (RuntimeException ignored) {
                // a broken close is charged by its own check
            }
        }
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        workers.close();
    }

    /** Runs a map call in a worker thread, so that a hang becomes a diagnosed failure. */
    private <R> R bounded(String what, java.util.concurrent.Callable<R> call) throws Throwable {
        return Workers.await(workers.start("map-caller", call), LIMIT, what);
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toList());
    }

    // ---- correctness ----------------------------------------------------------------------------

    @Test
    @Check(id = "processmap.results-in-order", category = Category.CORRECTNESS, points = 3, timeoutSeconds = 30,
            title = "map returns fn(item) for every item, in the order of the items")
    void resultsInOrder() throws Throwable {
        ProcessMap map = processMap(2);
        List<Integer> items = range(200);
        RemoteFunction<Integer, Long> square = x -> (long) x * x;
        List<Long> expected = items.stream().map(x -> (long) x * x).collect(Collectors.toList());
        List<Long> chunked = bounded("map(square, 200 items, chunk size 7) on 2 processes", () -> map.map(square, items, 7));
        that(expected.equals(chunked), "map(x -> x*x, [0..199], 7) returned %s.", abbreviate(chunked));
        List<Long> automatic = bounded("map(square, 200 items) on 2 processes", () -> map.map(square, items));
        that(expected.equals(automatic), "map(x -> x*x, [0..199]) returned %s.", abbreviate(automatic));
        that(bounded("map of an empty list", () -> map.map(square, List.of())).isEmpty(), "map of an empty list was not empty.");
    }

    private static String abbreviate(List<?> list) {
        String text = String.valueOf(list);
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    @Test
    @Check(id = "processmap.runs-in-children", category = Category.CORRECTNESS, points = 4, timeoutSeconds = 30,
            title = "The function runs in at most `processes` child processes, never in the parent")
    void runsInChildren() throws Throwable {
        ProcessMap map = processMap(2);
        long parent = ProcessHandle.current().pid();
        List<Long> pids = bounded("map(pid of the running process, 60 items) on 2 processes",
                () -> map.map(x -> ProcessHandle.current().pid(), range(60), 3));
        Set<Long> distinct = new HashSet<>(pids);
        that(!distinct.contains(parent), "The function ran in the grader's own process (pid %d): it must run in child "
                + "processes. Threads are not a substitute for processes here.", parent);
        that(distinct.size() <= 2, "The function ran in %d different processes %s, but the map has only 2.", distinct.size(), distinct);
        Set<Long> children = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        that(children.containsAll(distinct) || distinct.stream().noneMatch(p -> ProcessHandle.of(p).isPresent()),
                "The function ran in processes %s that are not children of the grader's process.", distinct);
    }

    @Property(tries = 8)
    @Check(id = "processmap.sequential-model", category = Category.CORRECTNESS, points = 2, timeoutSeconds = 60,
            title = "map agrees with a sequential map for random items and chunk sizes")
    void sequentialModel(@ForAll("items") List<Integer> items, @ForAll @IntRange(min = 1, max = 9) int chunkSize)
            throws Throwable {
        ProcessMap map = processMap(2);
        try {
            RemoteFunction<Integer, String> fn = x -> "<" + (x * 31 % 17) + ">";
            List<String> results = bounded("map", () -> map.map(fn, items, chunkSize));
            List<String> expected = items.stream().map(fn).collect(Collectors.toList());
            that(expected.equals(results), "map(fn, %s, chunk size %d) returned %s, expected %s.", items, chunkSize, results, expected);
        } finally {
            map.close();
        }
    }

    @Provide
    Arbitrary<List<Integer>> items() {
        return Arbitraries.integers().between(-1_000, 1_000).list().ofMaxSize(40);
    }

    @Test
    @Check(id = "processmap.function-prints", category = Category.CORRECTNESS, points = 2, timeoutSeconds = 30,
            title = "A function that prints to System.out and System.err still gives its results")
    void functionPrints() throws Throwable {
        ProcessMap map = processMap(2);
        RemoteFunction<Integer, Integer> chatty = x -> {
            for (int line = 0; line < 48; line++) {
                System.out.println("item " + x + ", line " + line + ": printed by the function on System.out");
                System.err.println("item " + x + ", line " + line + ": printed by the function on System.err");
            }
            return x * 3;
        };
        List<Integer> expected = range(60).stream().map(x -> x * 3).collect(Collectors.toList());
        List<Integer> results = bounded("map(fn, 60 items) where fn prints about 3 KB per item to System.out and to "
                + "System.err (a child blocks once nobody reads a full pipe)", () -> map.map(chatty, range(60), 3));
        boolean reordered = results != null && new HashSet<>(expected).equals(new HashSet<>(results));
        that(expected.equals(results), "map(fn, [0..59]) where fn prints returned %s%s", abbreviate(results), reordered
                ? ": the right results, in the wrong order." : ". If the worker answers on System.out, what the function "
                + "prints mixes with the answers: send it elsewhere (System.setOut(System.err) in the worker) before "
                + "running the function.");
    }

    @Test
    @Check(id = "processmap.remote-exception", category = Category.CORRECTNESS, points = 2, timeoutSeconds = 30,
            title = "An exception thrown by the function comes back with its class and message")
    void remoteException() throws Throwable {
        ProcessMap map = processMap(2);
        RemoteFunction<Integer, Integer> fn = x -> {
            if (x == 13) {
                throw new ArithmeticException("unlucky " + x);
            }
            return x;
        };
        ExecutionException e = bounded("map where item 13 throws", () -> Verify.throwsA(ExecutionException.class,
                () -> map.map(fn, range(30), 4), "map(fn, [0..29]) where fn throws for 13"));
        Throwable cause = e.getCause();
        that(cause != null && cause.getClass() == ArithmeticException.class && "unlucky 13".equals(cause.getMessage()),
                "map threw ExecutionException with cause %s; expected ArithmeticException(\"unlucky 13\"), the exception the "
                        + "function threw in the worker.", cause);
    }

    @Test
    @Check(id = "processmap.worker-crash", category = Category.CORRECTNESS, points = 3, timeoutSeconds = 45,
            title = "A worker that dies (System.exit, Runtime.halt) gives WorkerCrashedException within seconds")
    void workerCrash() throws Throwable {
        expectCrash("System.exit(3)", x -> {
            if (x == 5) {
                System.exit(3);
            }
            return x;
        });
        expectCrash("Runtime.getRuntime().halt(7)", x -> {
            if (x == 5) {
                Runtime.getRuntime().halt(7);
            }
            return x;
        });
    }

    private void expectCrash(String how, RemoteFunction<Integer, Integer> fn) throws Throwable {
        ProcessMap map = processMap(2);
        long start = System.nanoTime();
        ExecutionException e = bounded("map where a worker calls " + how + " (it must not hang)",
                () -> Verify.throwsA(ExecutionException.class, () -> map.map(fn, range(10), 1),
                        "map where the function calls " + how));
        that(e.getCause() instanceof WorkerCrashedException, "When a worker called %s, map threw ExecutionException with "
                + "cause %s; the cause must be a WorkerCrashedException.", how, e.getCause());
        that(Verify.millisSince(start) < 15_000, "It took %d ms to report the worker that called %s.", Verify.millisSince(start), how);
        map.close();
    }

    @Test
    @Check(id = "processmap.close-kills-all", category = Category.CORRECTNESS, points = 2, timeoutSeconds = 40,
            title = "After close(), no process started by the map is alive, grandchildren included")
    void closeKillsAll() throws Throwable {
        ProcessMap map = processMap(2);
        RemoteFunction<Integer, Long> spawn = x -> {
            try {
                return new ProcessBuilder("sleep", "120").start().pid(); // a grandchild that would outlive a careless close
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        List<Long> grandchildren = bounded("map that starts a grandchild process per item", () -> map.map(spawn, range(2), 1));
        Workers.await(workers.run("closer", map::close), LIMIT, "close()");
        // Grandchildren whose worker died are re-parented: they are no longer our descendants, so follow their pids.
        List<ProcessHandle> survivors = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .collect(Collectors.toList());
        grandchildren.stream().map(ProcessHandle::of).flatMap(java.util.Optional::stream).filter(ProcessHandle::isAlive)
                .filter(p -> !survivors.contains(p)).forEach(survivors::add);
        List<String> alive = survivors.stream().map(p -> p.pid() + " " + p.info().command().orElse("?")).collect(Collectors.toList());
        survivors.forEach(ProcessHandle::destroyForcibly);
        that(alive.isEmpty(), "After close() these processes started by the map are still alive: %s. close() must stop "
                + "every worker and whatever it started (ProcessHandle.descendants()), then wait until they are gone.", alive);
    }

    // ---- contract -------------------------------------------------------------------------------

    @Test
    @Check(id = "processmap.arguments", category = Category.CONTRACT, points = 1,
            title = "processes < 1 and chunkSize < 1 throw IllegalArgumentException")
    void arguments() throws Throwable {
        Verify.throwsA(IllegalArgumentException.class, () -> new ProcessMap(0), "new ProcessMap(0)");
        ProcessMap map = processMap(1);
        that(map.processes() == 1, "processes() returned %d for a map of 1.", map.processes());
        Verify.throwsA(IllegalArgumentException.class, () -> map.map(x -> x, List.of(1, 2), 0), "map(fn, items, chunkSize 0)");
    }

    @Test
    @Check(id = "processmap.parent-can-exit", category = Category.CONTRACT, points = 1, timeoutSeconds = 40,
            title = "A ProcessMap that was never closed does not keep the parent JVM from exiting")
    void parentCanExit() throws Throwable {
        processMap(1); // judged on an implementation only: a stub fails here as "not implemented yet"
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process program = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), UnclosedProcessMap.class.getName())
                .redirectErrorStream(true).start();
        try {
            CompletableFuture<String> output = workers.start("reader", () -> new String(program.getInputStream().readAllBytes()));
            boolean exited = program.waitFor(20, TimeUnit.SECONDS);
            that(exited, "A program that used a ProcessMap and returned from main without close() was still running after "
                    + "20 s. Threads you start (e.g. to read from workers) must be daemon threads, or end on their own.");
            String printed = Workers.await(output, Duration.ofSeconds(5), "the program's output");
            that(printed.contains(UnclosedProcessMap.DONE), "The program did not finish its map: %s", printed.strip());
        } finally {
            program.descendants().forEach(ProcessHandle::destroyForcibly);
            program.destroyForcibly();
        }
    }
}
