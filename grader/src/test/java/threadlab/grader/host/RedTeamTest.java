package threadlab.grader.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.BuiltIn;
import threadlab.grader.Docker;
import threadlab.grader.Grading;
import threadlab.grader.ProjectLayout;
import threadlab.grader.api.Category;
import threadlab.grader.api.Explorer;
import threadlab.grader.batch.Gradebook;
import threadlab.grader.catalog.CheckCatalog;
import threadlab.grader.batch.StudentResult;
import threadlab.grader.cli.ThreadLabCli;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.pack.Packs;
import threadlab.grader.report.CheckReport;
import threadlab.grader.report.ExerciseReport;
import threadlab.grader.report.GradeReport;
import threadlab.grader.rubric.Rubric;
import threadlab.grader.sandbox.LocalContainment;
import threadlab.grader.sandbox.SandboxMode;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/**
 * Submissions that try to forge their grade, as a malicious student writes them (test resources {@code attacks/}).
 * Each is graded with the bytecode allowlist, which rejects it with 0 points and names what it used; and without it,
 * as the positive control: the attack's harmful action happens (or is attempted and visibly blocked by the next
 * defence), and the score is still only what the honest part of the code earns — 0 for these stubs.
 */
@DisplayName("Attacks on the grade score what their honest part earns")
@Timeout(240)
class RedTeamTest {

    private static final boolean CONTAINED = LocalContainment.detect().isPresent();
    /** The built-ins and the barrier pack, built once for the attacks from a pack's exercise. */
    private static final Supplier<CheckCatalog> WITH_BARRIER = memoized(() ->
            CheckCatalog.load(Packs.course(List.of(ProjectLayout.root().resolve("packs/barrier")))));

    @TempDir
    Path work;

    @Test
    void forgedResultsFollowedByAHaltAreRejectedAndWouldNotBeTrusted() throws Exception {
        assertRejected(grade("ForgesResultsThenHalts", true), "java.lang.Runtime.halt", "java.nio.file.Files.writeString");

        GradeReport unchecked = grade("ForgesResultsThenHalts", false);

        assertThat(unchecked.exercises().get(0).output()).as("the forged records were written")
                .contains("ATTACK wrote forged records");
        assertNoPoints(unchecked);
        assertThat(checks(unchecked)).extracting(CheckReport::reason).contains(Reason.TAMPERED);
    }

    @Test
    void recordsForgedByAShutdownHookAfterTheHarnessFinishedAreIgnored() throws Exception {
        assertRejected(grade("ForgesResultsInShutdownHook", true), "java.lang.Runtime.addShutdownHook");

        GradeReport unchecked = grade("ForgesResultsInShutdownHook", false);

        assertThat(unchecked.exercises().get(0).output()).as("the hook wrote its records")
                .contains("ATTACK wrote forged records");
        assertNoPoints(unchecked);
        assertThat(checks(unchecked)).extracting(CheckReport::reason).containsOnly(Reason.NOT_IMPLEMENTED);
    }

    @Test
    void reflectionIntoTheHarnessIsRejectedAndStoppedByTheModuleBarrier() throws Exception {
        assertRejected(grade("ReflectsIntoTheHarness", true), "java.lang.reflect.Field.setAccessible",
                "java.lang.Class.forName");

        GradeReport unchecked = grade("ReflectsIntoTheHarness", false);

        String output = unchecked.exercises().get(0).output();
        assertThat(output).as("the attack ran").contains("ATTACK found the watchdog thread")
                .contains("ATTACK blocked").doesNotContain("ATTACK wrote sealed records");
        assertNoPoints(unchecked);
    }

    @Test
    void reflectionIntoTheHarnessFromALincheckJvmIsStoppedByTheModuleBarrierToo() throws Exception {
        // Lincheck's JVMs differ: jdk.unsupported is in the module graph, and two harness packages are opened.
        Rubric lincheckOnly = Rubric.defaults(Grading.CATALOG).only(id -> Grading.CATALOG.byId(id)
                .filter(c -> c.category() == Category.INTERLEAVINGS && c.explorer() == Explorer.LINCHECK).isPresent());

        GradeReport unchecked = grade(attack("ReflectsIntoTheHarness", "", 0), BuiltIn.COUNTERLOCK, false, lincheckOnly);

        String output = unchecked.exercises().get(0).output();
        assertThat(output).as("the attack ran in the exploration JVM").contains("While the interleavings were explored")
                .contains("ATTACK found the watchdog thread").contains("ATTACK blocked")
                .doesNotContain("ATTACK wrote sealed records");
        if (Runtime.version().feature() < 21) { // from JDK 21 a Thread keeps its task elsewhere: the attack stops sooner
            assertThat(output).as("stopped at the first barrier: the harness's own package is not opened to student code")
                    .contains("ATTACK blocked: java.lang.reflect.InaccessibleObjectException")
                    .contains("does not \"opens threadlab.grader.harness\"");
        }
        assertThat(checks(unchecked)).isNotEmpty().allSatisfy(c -> assertThat(c.category()).isEqualTo("interleavings"));
        assertNoPoints(unchecked);
    }

    @Test
    void reflectionIntoTheHarnessFromAPacksExerciseIsRejectedAndStoppedByTheModuleBarrier() throws Exception {
        // A pack's suites sit on the class path beside the student's classes; the harness stays a closed module.
        CheckCatalog withBarrier = WITH_BARRIER.get();
        Exercise barrier = withBarrier.course().byId("barrier").orElseThrow();
        Path submission = attack("ReflectsIntoTheHarnessFromAPack", "", 0);
        Rubric rubric = Rubric.defaults(withBarrier);

        assertRejected(grade(submission, barrier, true, rubric, withBarrier), "java.lang.reflect.Field.setAccessible",
                "java.lang.Class.forName");
        GradeReport unchecked = grade(submission, barrier, false, rubric, withBarrier);

        String output = unchecked.exercises().get(0).output();
        assertThat(output).as("the attack ran beside the pack's suites").contains("ATTACK found the watchdog thread")
                .contains("ATTACK blocked").doesNotContain("ATTACK wrote sealed records");
        assertThat(checks(unchecked)).isNotEmpty();
        assertNoPoints(unchecked);
        // Positive control: the reflection the attack relies on works where the harness is not a module (here, on the
        // class path of this test's JVM).
        assertThat(Class.forName("threadlab.grader.harness.ResultChannel").getDeclaredMethods()).isNotEmpty();
    }

    @Test
    void switchingTheSchedulingNoiseOffIsRejectedAndStoppedByTheModuleBarrier() throws Exception {
        assertRejected(grade("SilencesTheNoise", true), "java.lang.Class.forName");

        GradeReport unchecked = grade("SilencesTheNoise", false);

        String output = unchecked.exercises().get(0).output();
        assertThat(output).as("the attack ran").contains("ATTACK blocked: java.lang.IllegalAccessException")
                .contains("does not export threadlab.grader.harness").doesNotContain("ATTACK switched the noise off");
        CheckReport mutualExclusion = checks(unchecked).stream().filter(c -> c.id().equals("counterlock.mutual-exclusion"))
                .findFirst().orElseThrow();
        assertThat(mutualExclusion.status()).as("the race, found with the noise on: %s", mutualExclusion.message())
                .isEqualTo(CheckStatus.FAILED);
        assertThat(mutualExclusion.message()).contains("This check ran with scheduling noise");
        // Positive control: the attack's call works where the harness is not a module (here, on the class path).
        Class.forName("threadlab.grader.harness.SchedulingNoise").getMethod("off").invoke(null);
    }

    @Test
    void writingOutsideAndConnectingAreRejectedBeforeAnyCodeRuns() throws Exception {
        Path marker = work.resolve("outside").resolve("marker.txt");
        Files.createDirectories(marker.getParent());
        try (ServerSocket listener = new ServerSocket(0)) {
            listener.setSoTimeout(200);
            Path submission = attack("WritesOutsideAndConnects", marker.toString(), listener.getLocalPort());

            assertRejected(grade(submission, BuiltIn.COUNTERLOCK, true, Rubric.defaults(Grading.CATALOG)),
                    "java.nio.file.Files.writeString", "java.net.Socket");
            assertThat(marker).doesNotExist();
            assertThat(accepted(listener)).isFalse();

            GradeReport unchecked = grade(submission, BuiltIn.COUNTERLOCK, false, Rubric.defaults(Grading.CATALOG));

            if (CONTAINED) {
                // As root the check JVM runs as nobody without a network: the next defence holds.
                assertThat(unchecked.exercises().get(0).output()).as("the attack ran")
                        .contains("ATTACK could not write", "ATTACK could not connect");
                assertThat(marker).doesNotExist();
                assertThat(accepted(listener)).isFalse();
            } else {
                assertThat(marker).as("without the allowlist the write happens").exists();
            }
            assertNoPoints(unchecked);
        }
    }

    @Test
    void aBenchmarkResultWrittenByStudentCodeIsNotTrusted() throws Exception {
        Rubric performanceOnly = Rubric.defaults(Grading.CATALOG)
                .only(id -> Grading.CATALOG.byId(id).orElseThrow().category() == Category.PERFORMANCE);
        Path submission = attack("ForgesTheBenchmark", "", 0);
        assertRejected(grade(submission, BuiltIn.THREADSAFESET, true, performanceOnly), "java.lang.Runtime.halt");

        GradeReport unchecked = grade(submission, BuiltIn.THREADSAFESET, false, performanceOnly);

        ExerciseReport set = unchecked.exercises().get(0);
        assertThat(set.benchmark().problems()).anySatisfy(p -> assertThat(p).contains("not sealed"));
        assertNoPoints(unchecked);
    }

    @Test
    void runningTheExportedBenchmarkApiFromStudentCodeIsRejectedAndCannotSealItsResults() throws Exception {
        // Packs' benchmarks need threadlab.grader.benchmark exported to the class path, where student code sits too.
        CheckCatalog withBarrier = WITH_BARRIER.get();
        Exercise barrier = withBarrier.course().byId("barrier").orElseThrow();
        Rubric performanceOnly = Rubric.defaults(withBarrier).only(id -> withBarrier.byId(id)
                .filter(c -> c.category() == Category.PERFORMANCE).isPresent());
        Path submission = attack("ForgesTheBenchmarkThroughItsApi", "", 0);

        assertRejected(grade(submission, barrier, true, performanceOnly, withBarrier),
                "threadlab.grader.benchmark.BenchmarkMain", "threadlab.grader.benchmark.Bench", "java.lang.Runtime.halt");
        GradeReport unchecked = grade(submission, barrier, false, performanceOnly, withBarrier);

        // Positive control: without the allowlist the call reaches the harness's entry point, whose next defence holds:
        // the run's secret was taken from standard input before any student class loaded, and is not there twice.
        assertThat(unchecked.exercises().get(0).benchmark().problems()).as("the attack ran in the benchmark JVM")
                .singleElement().asString().contains("ATTACK calls the benchmark entry point")
                .contains("ATTACK blocked: java.io.IOException: the run's secret was not on standard input")
                .doesNotContain("ATTACK measured the forged ratio").doesNotContain("ATTACK ran the forged benchmark");
        assertThat(unchecked.exercises().get(0).benchmark().ratios()).as("the honest run's ratios")
                .doesNotContainKey("barrier.generations-vs-cyclicbarrier");
        assertThat(checks(unchecked)).extracting(CheckReport::id).containsExactly("barrier.throughput");
        assertNoPoints(unchecked);
    }

    @Test
    void aProcessLeftBehindDoesNotOutliveTheGrading() throws Exception {
        assumeTrue(CONTAINED, "only a contained check JVM (grading as root) ends processes detached from it");
        String marker = Long.toString(500 + ThreadLocalRandom.current().nextInt(400)) + ".25";
        Path submission = attack("LeavesAProcessBehind", marker, 0);

        GradeReport report = grade(submission, BuiltIn.PROCESSMAP, false, Rubric.defaults(Grading.CATALOG));

        assertThat(report.exercises().get(0).output()).as("the attack ran").contains("ATTACK left a process behind");
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains("sleep " + marker))).as("processes left behind").isEmpty();
        assertNoPoints(report);
    }

    /** The whole suite as a class graded by {@code grade batch}, one container each: every row 0, marked for review. */
    @Test
    @Timeout(600)
    void inABatchEveryAttackScoresZeroAndIsMarkedForTheInstructor() throws Exception {
        Docker.assumeAvailable();
        Path klass = Files.createDirectories(work.resolve("class"));
        List<String> attacks = List.of("ForgesResultsThenHalts", "ForgesResultsInShutdownHook", "ReflectsIntoTheHarness",
                "WritesOutsideAndConnects", "ForgesTheBenchmark", "LeavesAProcessBehind");
        for (String name : attacks) {
            copyTree(attack(name, work.resolve("marker").toString(), 9), klass.resolve(name));
        }
        Path out = work.resolve("batch");
        StringWriter err = new StringWriter();
        int exit = ThreadLabCli.run(new String[] {"batch", klass.toString(), "--out", out.toString(), "--quick",
                "--exercise", "counterlock", "--exercise", "threadsafeset", "--exercise", "processmap",
                "--sandbox", "docker", "--jobs", "2"}, new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(exit).as(err.toString()).isZero();
        Gradebook gradebook = Gradebook.read(out);
        assertThat(gradebook.rows()).extracting(StudentResult::id).containsExactlyInAnyOrderElementsOf(attacks);
        assertThat(gradebook.rows()).allSatisfy(row -> {
            assertThat(row.status()).as(row.id() + ": " + row.reason()).isEqualTo(StudentResult.GRADED);
            assertThat(row.score()).as(row.id()).isZero();
            // processmap may start processes: that attack is not rejected, its process ends with the container's grading.
            assertThat(row.integrity()).as(row.id()).startsWith(row.id().equals("LeavesAProcessBehind") ? "" : "rejected: ");
        });
    }

    private static <T> Supplier<T> memoized(Supplier<T> once) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = once.get();
                }
                return value;
            }
        };
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.collect(Collectors.toList())) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private GradeReport grade(String attack, boolean allowlist) throws IOException {
        return grade(attack(attack, "", 0), BuiltIn.COUNTERLOCK, allowlist, Rubric.defaults(Grading.CATALOG));
    }

    /** A quick grading (tests only) unless the rubric asks for slow checks, in a fresh work folder. */
    private GradeReport grade(Path submission, Exercise exercise, boolean allowlist, Rubric rubric) throws IOException {
        return grade(submission, exercise, allowlist, rubric, Grading.CATALOG);
    }

    private GradeReport grade(Path submission, Exercise exercise, boolean allowlist, Rubric rubric, CheckCatalog catalog)
            throws IOException {
        Path runWork = Files.createDirectories(work.resolve("grading-" + (allowlist ? "checked" : "unchecked")));
        boolean quick = catalog.of(exercise).stream().filter(c -> rubric.entry(c.id()).isPresent())
                .allMatch(c -> c.category() != Category.PERFORMANCE && c.category() != Category.INTERLEAVINGS);
        GradingEngine engine = new GradingEngine(GradingEngine.currentClasspath(), catalog, Progress.SILENT);
        if (!allowlist) {
            engine.withoutAllowlistForTests();
        }
        return engine.grade(new GradeRequest(submission, "attack", Set.of(exercise), Grading.SEED, quick, rubric, runWork,
                Duration.ofSeconds(90), runWork.resolve("artifacts"), SandboxMode.LOCAL));
    }

    /** The exercise's stub with the attack's files laid over it, placeholders filled in. */
    private Path attack(String name, String marker, int port) throws IOException {
        Path attackDir;
        try {
            attackDir = Path.of(RedTeamTest.class.getResource("/attacks/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path submission = work.resolve("submission-" + name);
        if (Files.exists(submission)) {
            return submission;
        }
        try (Stream<Path> exercises = Files.list(attackDir)) {
            for (Path exerciseDir : exercises.collect(Collectors.toList())) {
                String exercise = exerciseDir.getFileName().toString();
                Path target = Files.createDirectories(submission.resolve(exercise));
                Path stubDir = ProjectLayout.root().resolve("exercises/src/main/java/threadlab").resolve(exercise);
                try (Stream<Path> stubs = Files.isDirectory(stubDir) ? Files.list(stubDir) : Stream.empty()) {
                    for (Path stub : stubs.collect(Collectors.toList())) { // a pack's attack is whole already
                        Files.copy(stub, target.resolve(stub.getFileName()));
                    }
                }
                try (Stream<Path> files = Files.list(exerciseDir)) {
                    for (Path file : files.collect(Collectors.toList())) {
                        String source = Files.readString(file, StandardCharsets.UTF_8).replace("@MARKER@", marker)
                                .replace("@PORT@", Integer.toString(port));
                        Files.writeString(target.resolve(file.getFileName()), source, StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return submission;
    }

    private static boolean accepted(ServerSocket listener) throws IOException {
        try {
            listener.accept().close();
            return true;
        } catch (SocketTimeoutException nobody) {
            return false;
        }
    }

    private static List<CheckReport> checks(GradeReport report) {
        return report.exercises().get(0).checks();
    }

    private static void assertRejected(GradeReport report, String... apis) {
        ExerciseReport exercise = report.exercises().get(0);
        assertThat(exercise.status()).isEqualTo(ExerciseReport.REJECTED);
        assertThat(exercise.score()).isZero();
        assertThat(exercise.checks()).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(CheckStatus.REJECTED);
            assertThat(c.reason()).isEqualTo(Reason.REJECTED);
            assertThat(c.message()).contains(apis);
        });
    }

    private static void assertNoPoints(GradeReport report) {
        assertThat(report.exercises().get(0).checks()).as("points earned").allSatisfy(c ->
                assertThat(c.score()).as("%s [%s/%s]: %s", c.id(), c.status(), c.reason(), c.message()).isZero());
    }
}
