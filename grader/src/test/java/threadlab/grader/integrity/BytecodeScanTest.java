package threadlab.grader.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.BuiltIn;
import threadlab.grader.ProjectLayout;
import threadlab.grader.compile.Compilation;
import threadlab.grader.compile.SourceCompiler;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.exercise.PackDescriptor;

/** The allowlist lets through what exercises need and javac emits, and names each use of what it denies. */
class BytecodeScanTest {

    @TempDir
    Path work;

    @Test
    void theReferenceSolutionsAndTheStubsStayInsideTheirAllowlists() throws IOException {
        for (Exercise exercise : BuiltIn.ALL) {
            for (Path sources : List.of(ProjectLayout.solutionSources(), ProjectLayout.exerciseSources())) {
                Path classes = compile(sources.resolve("threadlab").resolve(exercise.id()), exercise.id() + sources.hashCode());
                assertThat(BytecodeScan.violations(classes, exercise)).as("%s in %s", exercise, sources).isEmpty();
            }
        }
    }

    @Test
    void whatJavacEmitsForLambdasRecordsSwitchesAndConcatenationIsAllowed() throws IOException {
        Path classes = compileOne("processmap", "Modern.java", """
                package threadlab.processmap;
                import java.io.Serializable;
                import java.util.function.Function;
                record Modern(String name, int size) {
                    interface Remote extends Function<Integer, Integer>, Serializable { }
                    enum Kind { A, B }
                    static String describe(Kind kind, Object o) {
                        Remote twice = x -> x * 2;
                        Runnable r = () -> System.out.println("run " + o);
                        r.run();
                        assert kind != null;
                        return switch (kind) { case A -> "a" + twice.apply(1); case B -> "b"; };
                    }
                }
                """);

        assertThat(BytecodeScan.violations(classes, BuiltIn.PROCESSMAP)).isEmpty();
    }

    @Test
    void eachDeniedUseIsNamedWithClassMethodLineAndApi() throws IOException {
        Path classes = compileOne("counterlock", "Sneaky.java", """
                package threadlab.counterlock;
                final class Sneaky {
                    void run() throws Exception {
                        Class.forName("threadlab.grader.harness.ForkMain").getDeclaredField("x").setAccessible(true);
                        java.nio.file.Files.readString(java.nio.file.Path.of("/etc/passwd"));
                        new java.net.Socket("localhost", 80).close();
                        System.getProperty("user.home");
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> { }));
                        new ProcessBuilder("sh").start();
                        new java.io.PrintStream("out.txt").close();
                        System.exit(0);
                    }
                }
                """);

        List<Violation> found = BytecodeScan.violations(classes, BuiltIn.COUNTERLOCK);

        assertThat(found).extracting(Violation::api).contains("java.lang.Class.forName", "java.lang.Class.getDeclaredField",
                "java.lang.reflect.Field.setAccessible", "java.nio.file.Files.readString", "java.net.Socket.<init>",
                "java.lang.System.getProperty", "java.lang.Runtime.addShutdownHook", "java.lang.ProcessBuilder.<init>",
                "java.io.PrintStream.<init>", "java.lang.System.exit");
        assertThat(found).allSatisfy(v -> {
            assertThat(v.inClass()).isEqualTo("threadlab.counterlock.Sneaky");
            assertThat(v.inMethod()).isEqualTo("run");
            assertThat(v.line()).isBetween(4, 11);
        });
        assertThat(found.get(0).toString()).startsWith("threadlab.counterlock.Sneaky.run (line 4) uses java.lang.Class.forName");
    }

    @Test
    void onlyTheProcessMapMayStartItsWorker() throws IOException {
        String worker = """
                package threadlab.%s;
                final class Starter {
                    Process start() throws Exception {
                        String launcher = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
                        return new ProcessBuilder(launcher, "-cp", System.getProperty("java.class.path"), "Worker").start();
                    }
                }
                """;
        Path processmap = compileOne("processmap", "Starter.java", worker.formatted("processmap"));
        Path counterlock = compileOne("counterlock", "Starter.java", worker.formatted("counterlock"));

        assertThat(BytecodeScan.violations(processmap, BuiltIn.PROCESSMAP)).isEmpty();
        assertThat(BytecodeScan.violations(counterlock, BuiltIn.COUNTERLOCK)).extracting(Violation::api)
                .contains("java.lang.ProcessBuilder.<init>", "java.lang.System.getProperty");
    }

    @Test
    void aPackDeniesTheJdkTypesItsDescriptorNamesAndOnlyThose() throws IOException {
        Exercise barrier = barrierPack("denies = java.util.concurrent.CyclicBarrier, java.util.concurrent.locks.");
        Path classes = compileOne("barrier", "Barrier.java", """
                package threadlab.barrier;
                public final class Barrier {
                    private final java.util.concurrent.CyclicBarrier inside = new java.util.concurrent.CyclicBarrier(2);
                    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
                    private final java.util.concurrent.Semaphore allowed = new java.util.concurrent.Semaphore(1);
                }
                """);

        List<String> found = BytecodeScan.violations(classes, barrier).stream().map(Violation::toString).toList();
        assertThat(found).anyMatch(v -> v.contains("java.util.concurrent.CyclicBarrier") && v.contains("build yourself"))
                .anyMatch(v -> v.contains("java.util.concurrent.locks.ReentrantLock"))
                .noneMatch(v -> v.contains("Semaphore"));
        assertThat(BytecodeScan.violations(classes, BuiltIn.COUNTERLOCK)).as("only the pack denies them")
                .noneMatch(v -> v.api().contains("CyclicBarrier"));
    }

    @Test
    void studentCodeMayNotCallThePackSuitesOrTheSupportHelpersTheyShareItsClassPathWith() throws IOException {
        Path classes = compileOne("barrier", "Helped.java", """
                package threadlab.barrier;
                final class Helped {
                    void run() throws Throwable {
                        new threadlab.grader.checks.support.Workers().close();
                        threadlab.grader.benchmark.Timed fast = () -> { };
                        fast.run();
                        Class.forName("threadlab.grader.packs.barrier.BarrierChecks").getDeclaredConstructor().newInstance();
                    }
                }
                """);

        List<String> found = BytecodeScan.violations(classes, barrierPack("")).stream().map(Violation::toString).toList();
        assertThat(found).anyMatch(v -> v.contains("threadlab.grader.checks.support.Workers"))
                .anyMatch(v -> v.contains("threadlab.grader.benchmark.Timed")) // the benchmark API packs use
                .anyMatch(v -> v.contains("java.lang.Class.forName")); // a suite is only reachable by reflection
    }

    /** A pack's exercise {@code barrier}, its descriptor ending with {@code more}. */
    private Exercise barrierPack(String more) {
        String descriptor = """
                id = barrier
                title = A barrier
                order = 70
                suites = threadlab.grader.packs.barrier.BarrierChecks
                """ + more;
        return PackDescriptor.read(new ByteArrayInputStream(descriptor.getBytes(StandardCharsets.UTF_8)), "pack.properties",
                work);
    }

    private Path compileOne(String exercise, String file, String source) throws IOException {
        Path dir = Files.createDirectories(work.resolve("src-" + exercise + "-" + file).resolve(exercise));
        Files.writeString(dir.resolve(file), source);
        return compile(dir, exercise + "-" + file);
    }

    private Path compile(Path sourceDir, String name) throws IOException {
        List<Path> sources;
        try (var files = Files.list(sourceDir)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        Compilation compilation = new SourceCompiler().compile(sources, work.resolve("classes-" + name));
        assertThat(compilation.success()).as(String.join("\n", compilation.diagnostics())).isTrue();
        return compilation.outputDir();
    }
}
