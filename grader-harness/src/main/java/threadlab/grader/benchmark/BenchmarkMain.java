package threadlab.grader.benchmark;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apiguardian.api.API;
import threadlab.grader.harness.HarnessJvm;
import threadlab.grader.harness.ResultChannel;

/**
 * Entry point of the sandbox JVM: runs one exercise's {@link Benchmark} and keeps its results in a JSON file,
 * rewritten (atomically) after every measurement, so a benchmark stopped by its time limit loses only what it
 * had not measured yet.
 *
 * <p>The file is sealed like the check JVMs' results ({@link ResultChannel}): its first line is the seal of the rest
 * under the run's secret, read from standard input before any student class is loaded. A file student code wrote
 * in its place does not read back.
 *
 * <pre>java -cp grader:student BenchmarkMain &lt;benchmark class&gt; &lt;results.json&gt; &lt;&lt;&lt; SECRET</pre>
 */
@API(status = INTERNAL, since = "0.2")
public final class BenchmarkMain {

    /** The longest one run of a candidate may take. */
    static final Duration RUN_LIMIT = Duration.ofSeconds(10);

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BenchmarkMain <benchmark class> <results.json>");
            System.exit(2);
        }
        String secret = HarnessJvm.start();
        Path results = Path.of(args[1]);
        Bench bench = new Bench(Runtime.getRuntime().availableProcessors(), Rounds.standard(), RUN_LIMIT,
                r -> write(r, results, secret));
        try {
            Benchmark benchmark = (Benchmark) Class.forName(args[0]).getConstructor().newInstance();
            benchmark.run(bench);
        } catch (Throwable t) {
            bench.error("the benchmark stopped: " + t);
        }
        write(bench.results(true), results, secret);
        System.out.flush();
        // The student's threads may still run (a pool never shut down): they must not keep the sandbox alive.
        Runtime.getRuntime().halt(0);
    }

    /**
     * Reads what the benchmark JVM given {@code secret} wrote.
     *
     * @throws IOException if the file is missing, unreadable, or not sealed with {@code secret}
     */
    public static BenchmarkResults read(Path file, String secret) throws IOException {
        String json = ResultChannel.unsealedDocument(secret, Files.readString(file, StandardCharsets.UTF_8))
                .orElseThrow(() -> new IOException(file.getFileName() + " was not written by the benchmark harness"));
        return JSON.readValue(json, BenchmarkResults.class);
    }

    private static void write(BenchmarkResults results, Path file, String secret) {
        try {
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            String json = JSON.writeValueAsString(results);
            Files.writeString(partial, ResultChannel.sealedDocument(secret, json), StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
