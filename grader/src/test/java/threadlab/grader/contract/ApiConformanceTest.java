package threadlab.grader.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import threadlab.grader.ProjectLayout;
import threadlab.grader.compile.Compilation;
import threadlab.grader.compile.SourceCompiler;

@DisplayName("The public API of stubs and solutions matches the exercise contract")
class ApiConformanceTest {

    private final ApiContract contract = ApiContract.load();
    private final SourceCompiler compiler = new SourceCompiler();

    @Test
    void contractCoversTheSixExercises() {
        assertThat(contract.packages()).containsExactly(
                "threadlab.boundedbuffer", "threadlab.counterlock", "threadlab.philosophers",
                "threadlab.poolexecutor", "threadlab.processmap", "threadlab.threadsafeset");
    }

    @Test
    void stubsMatchTheContract(@TempDir Path out) {
        assertThat(contract.drift(compiled(ProjectLayout.exerciseSources(), out))).isEmpty();
    }

    @Test
    void solutionsMatchTheContract(@TempDir Path out) {
        assertThat(contract.drift(compiled(ProjectLayout.solutionSources(), out))).isEmpty();
    }

    /** A test of the test: each deliberate change to a signature must show up as drift. */
    @ParameterizedTest(name = "{0}: ''{1}'' -> ''{2}''")
    @CsvSource(delimiter = '|', value = {
        "boundedbuffer/BoundedBuffer.java | public int capacity() | public long capacity()      | capacity()",
        "counterlock/CounterLock.java     | public synchronized boolean tryLock() {| public synchronized boolean tryLock2() {| tryLock",
        "philosophers/DiningTable.java    | public int seats() | int seats()                         | seats()",
        "threadsafeset/ThreadSafeSet.java | public void clear() { | public void clear() throws java.io.IOException { if (false) throw new java.io.IOException(); | clear()",
        "processmap/ProcessMap.java       | public int processes() | public Integer processes()     | processes()",
        "counterlock/SharedCounter.java   | public long get() { | public long get() { return 0; } public void reset() { } private long get2() { | reset()",
    })
    void alteredSignatureIsReportedAsDrift(String file, String original, String altered, String expectedInReport,
            @TempDir Path work) throws IOException {
        Path sources = copyTree(ProjectLayout.solutionSources(), work.resolve("src"));
        Path target = sources.resolve("threadlab").resolve(file);
        String text = Files.readString(target);
        assertThat(text).as("the fixture's original text is in %s", file).contains(original);
        Files.writeString(target, text.replace(original, altered));

        List<String> drift = contract.drift(compiled(sources, work.resolve("classes")));

        assertThat(drift).isNotEmpty().anySatisfy(line -> assertThat(line).contains(expectedInReport));
    }

    /** Student code may compile against the grader's types (the allowlist rejects it later): describing must not fail. */
    @Test
    void aClassNamingAGraderTypeInItsSignatureIsReportedAsDriftNotAnError(@TempDir Path work) throws IOException {
        Path sources = copyTree(ProjectLayout.solutionSources().resolve("threadlab/counterlock"),
                work.resolve("src/threadlab/counterlock"));
        Files.writeString(sources.resolve("Forged.java"), """
                package threadlab.counterlock;
                public final class Forged implements threadlab.grader.benchmark.Benchmark {
                    public void run(threadlab.grader.benchmark.Bench bench) { }
                }
                """);

        List<String> drift = contract.drift(compiled(work.resolve("src"), work.resolve("classes")), "threadlab.counterlock");

        assertThat(drift).containsExactly("unexpected: class threadlab.counterlock.Forged cannot be described: it needs "
                + "threadlab.grader.benchmark.Benchmark, which is not part of the JDK");
    }

    private Path compiled(Path sources, Path out) {
        Compilation compilation = compiler.compileTree(sources, out);
        assertThat(compilation.success()).as("compiles: %s", compilation.diagnostics()).isTrue();
        return out;
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path dest = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest);
                }
            }
        }
        return to;
    }
}
