package threadlab.grader.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Entry point of the sandbox JVM: runs one exercise's {@link Benchmark} and keeps its results in a JSON file,
 * rewritten (atomically) after every measurement, so a benchmark stopped by its time limit loses only what it
 * had not measured yet.
 *
 * <pre>java -cp grader:student BenchmarkMain &lt;benchmark class&gt; &lt;results.json&gt; &lt;rounds&gt;</pre>
 */
public final class BenchmarkMain {

    /** The longest one run of a candidate may take. */
    static final Duration RUN_LIMIT = Duration.ofSeconds(10);

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: BenchmarkMain <benchmark class> <results.json> <rounds>");
            System.exit(2);
        }
        Path results = Path.of(args[1]);
        Bench bench = new Bench(Runtime.getRuntime().availableProcessors(), Integer.parseInt(args[2]), RUN_LIMIT,
                r -> write(r, results));
        try {
            Benchmark benchmark = (Benchmark) Class.forName(args[0]).getConstructor().newInstance();
            benchmark.run(bench);
        } catch (Throwable t) {
            bench.error("the benchmark stopped: " + t);
        }
        write(bench.results(true), results);
        System.out.flush();
        // The student's threads may still run (a pool never shut down): they must not keep the sandbox alive.
        Runtime.getRuntime().halt(0);
    }

    /** Reads what a benchmark JVM wrote. */
    public static BenchmarkResults read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), BenchmarkResults.class);
    }

    private static void write(BenchmarkResults results, Path file) {
        try {
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            JSON.writeValue(partial.toFile(), results);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
