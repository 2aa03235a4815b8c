package threadlab.grader.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.BuiltIn;
import threadlab.grader.Grading;
import threadlab.grader.ProjectLayout;
import threadlab.grader.Submissions;
import threadlab.grader.api.Category;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.report.CheckReport;
import threadlab.grader.report.ExerciseReport;
import threadlab.grader.report.GradeReport;
import threadlab.grader.rubric.Rubric;
import threadlab.grader.sandbox.PidsLimit;
import threadlab.grader.sandbox.SandboxMode;
import threadlab.grader.submission.SubmissionException;
import threadlab.grader.verdict.CheckStatus;

@DisplayName("The grading engine")
class GradingEngineTest {

    @TempDir
    Path work;

    @Test
    void givesTheReferenceSolutionsFullMarksWithCoverageAndInterleavings() { // benchmarks: PerformanceStabilityTest
        GradeReport report = Grading.gradeAllButBenchmarks(ProjectLayout.root().resolve("solutions"), Set.copyOf(BuiltIn.ALL));

        assertThat(report.exercises()).hasSize(6).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(ExerciseReport.GRADED);
            // No inconclusive verdict either: every exploration converges or passes within its bound, saying so.
            assertThat(e.checks()).allSatisfy(c -> assertThat(c.status()).as("%s: %s", c.id(), c.message())
                    .isEqualTo(CheckStatus.PASSED));
            assertThat(e.checks()).filteredOn(c -> c.category().equals(Category.INTERLEAVINGS.id()))
                    .allSatisfy(c -> assertThat(c.message()).as(c.id()).contains("explored"));
            assertThat(e.apiDrift()).isEmpty();
            if (Grading.MEASURE_COVERAGE) {
                assertThat(e.coverage()).isNotNull();
                assertThat(e.coverage().linesCovered()).isPositive();
            }
        });
        assertThat(report.score()).isEqualTo(report.maxScore()).isPositive();
    }

    @Test
    void givesTheStubsZeroSayingNotImplemented() {
        GradeReport report = Grading.grade(ProjectLayout.root().resolve("exercises"), Set.copyOf(BuiltIn.ALL), false);

        assertThat(report.score()).isZero();
        assertThat(report.exercises()).allSatisfy(e -> assertThat(e.checks()).allSatisfy(c ->
                assertThat(c.message()).as(c.id()).startsWith("Not implemented yet:").doesNotContain("\tat ")));
        assertThat(report.exercises()).allSatisfy(e -> assertThat(e.checks()).as("--quick leaves them out")
                .noneMatch(c -> c.category().equals(Category.INTERLEAVINGS.id())));
    }

    @Test
    void gradesTheOtherExercisesWhenOneDoesNotCompile() throws Exception {
        Submissions.withSolution(work, BuiltIn.THREADSAFESET);
        Submissions.withFile(work, BuiltIn.COUNTERLOCK, "CounterLock.java",
                "package threadlab.counterlock;\npublic final class CounterLock {\n    public void lock() { int x = }\n}\n");

        GradeReport report = Grading.grade(work, Set.of(BuiltIn.COUNTERLOCK, BuiltIn.THREADSAFESET, BuiltIn.PHILOSOPHERS), false);

        ExerciseReport counterlock = report.exercises().get(0);
        assertThat(counterlock.status()).isEqualTo(ExerciseReport.COMPILE_ERROR);
        assertThat(counterlock.score()).isZero();
        assertThat(counterlock.compilerMessages()).anySatisfy(m -> assertThat(m).startsWith("CounterLock.java:3: error:"));
        ExerciseReport set = report.exercises().get(1);
        assertThat(set.status()).isEqualTo(ExerciseReport.GRADED);
        assertThat(set.score()).isEqualTo(set.maxScore());
        assertThat(report.exercises().get(2).status()).isEqualTo(ExerciseReport.MISSING);
    }

    @Test
    void reportsTheApiDriftOfASubmission() throws Exception {
        Submissions.withSolution(work, BuiltIn.PHILOSOPHERS);
        Path table = work.resolve("threadlab/philosophers/DiningTable.java");
        Files.writeString(table, Files.readString(table).replace("public int seats()", "public int numberOfSeats()"));

        ExerciseReport report = Grading.grade(work, Set.of(BuiltIn.PHILOSOPHERS), false).exercises().get(0);

        assertThat(report.apiDrift()).anySatisfy(d -> assertThat(d).startsWith("missing:").contains("seats()"));
        assertThat(report.checks()).anySatisfy(c -> assertThat(c.message()).contains("do not match the exercise's API"));
    }

    @Test
    void gradesAZipWhateverTheFolderLayoutInside() throws Exception {
        Path sources = Submissions.withSolution(work.resolve("sources"), BuiltIn.PHILOSOPHERS);
        Path zip = Submissions.zip(sources, work.resolve("student.zip"), "my-project/src/main/java/");

        ExerciseReport report = Grading.grade(zip, Set.of(BuiltIn.PHILOSOPHERS), false).exercises().get(0);

        assertThat(report.status()).isEqualTo(ExerciseReport.GRADED);
        assertThat(report.score()).isEqualTo(report.maxScore());
    }

    @Test
    void aStudentsOwnJUnitTestsBesideTheSourcesAndInATestFolderDoNotBreakTheGrading() throws Exception {
        Path sources = Submissions.withSolution(work.resolve("src/main/java"), BuiltIn.COUNTERLOCK);
        String test = """
                package threadlab.counterlock;

                import static org.assertj.core.api.Assertions.assertThat;

                import org.junit.jupiter.api.Test;

                class CounterLockTest {
                    @Test
                    void countsOnce() {
                        SharedCounter counter = new SharedCounter();
                        counter.increment();
                        assertThat(counter.get()).isEqualTo(1);
                    }
                }
                """;
        Files.writeString(sources.resolve("threadlab/counterlock/CounterLockTest.java"), test);
        Path testFolder = Files.createDirectories(work.resolve("src/test/java/threadlab/counterlock"));
        Files.writeString(testFolder.resolve("MoreLockTest.java"), test.replace("CounterLockTest", "MoreLockTest"));
        Path zip = Submissions.zip(work.resolve("src"), work.resolve("src.zip"), ""); // main/java/... beside test/java/...

        ExerciseReport report = Grading.grade(zip, Set.of(BuiltIn.COUNTERLOCK), false).exercises().get(0);

        assertThat(report.status()).as("%s", report.compilerMessages()).isEqualTo(ExerciseReport.GRADED);
        assertThat(report.score()).isEqualTo(report.maxScore());
        assertThat(report.notGraded()).as("the reports list what was left out")
                .containsExactlyInAnyOrder("CounterLockTest.java (a test)", "MoreLockTest.java (a test)");
    }

    @Test
    void refusesUnsafeOrCorruptArchivesWithAClearReason() throws Exception {
        Path slip = Submissions.zipWithEntry(work.resolve("slip.zip"), "../../evil/Escape.java", "package threadlab.counterlock;");
        assertThatThrownBy(() -> Grading.grade(slip, Set.of(BuiltIn.COUNTERLOCK), false))
                .isInstanceOf(SubmissionException.class).hasMessageContaining("zip-slip");
        assertThat(work.getParent().resolve("evil")).doesNotExist();

        Path corrupt = Files.write(work.resolve("corrupt.zip"), new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> Grading.grade(corrupt, Set.of(BuiltIn.COUNTERLOCK), false))
                .isInstanceOf(SubmissionException.class).hasMessageContaining("not a readable zip");
    }

    @Test
    void containsAThreadFloodWherePidsCanBeLimited() throws Exception {
        Optional<PidsLimit> probe = PidsLimit.create(10);
        probe.ifPresent(PidsLimit::close);
        assumeTrue(probe.isPresent(), "this machine does not let the grader create a pids cgroup: a flood cannot be contained");
        Submissions.withSolution(work, BuiltIn.COUNTERLOCK);
        Path counter = work.resolve("threadlab/counterlock/SharedCounter.java");
        Files.writeString(counter, Files.readString(counter).replace("    public void increment() {\n", """
                    public void increment() {
                        while (true) { // a thread flood: each new thread waits forever
                            Thread t = new Thread(() -> java.util.concurrent.locks.LockSupport.park());
                            t.setDaemon(true);
                            t.start();
                        }
                    }

                    public void incrementForReal() {
                """));

        ExerciseReport report = Grading.grade(work, Set.of(BuiltIn.COUNTERLOCK), false).exercises().get(0);

        assertThat(Grading.checks(report.checks()).get("counterlock.no-lost-update").message())
                .contains("started threads or processes without bound");
        assertThat(report.checks()).filteredOn(c -> c.category().equals("contract")).allMatch(CheckReport::passed);
    }

    @Test
    void boundsASubmissionThatHangsEverywhere() throws Exception {
        Submissions.withFile(work, BuiltIn.COUNTERLOCK, "CounterLock.java", """
                package threadlab.counterlock;
                public final class CounterLock {
                    private volatile boolean never;
                    public CounterLock() { }
                    public void lock() { while (!never) { } }
                    public boolean tryLock() { while (!never) { } return true; }
                    public boolean tryLock(long t, java.util.concurrent.TimeUnit u) { while (!never) { } return true; }
                    public void unlock() { while (!never) { } }
                    public boolean isLocked() { while (!never) { } return true; }
                    public boolean isHeldByCurrentThread() { while (!never) { } return true; }
                }
                """);
        Submissions.withFile(work, BuiltIn.COUNTERLOCK, "SharedCounter.java", """
                package threadlab.counterlock;
                public final class SharedCounter {
                    private final CounterLock lock = new CounterLock();
                    public void increment() { lock.lock(); }
                    public void add(long delta) { lock.lock(); }
                    public long get() { lock.lock(); return 0; }
                }
                """);
        Duration budget = Duration.ofSeconds(20);
        GradeRequest request = new GradeRequest(work, "hangs", Set.of(BuiltIn.COUNTERLOCK), Grading.SEED, true,
                Rubric.defaults(Grading.CATALOG), Files.createDirectories(work.resolve("out")), budget, work.resolve("out"), SandboxMode.LOCAL);
        long start = System.nanoTime();

        GradeReport report = new GradingEngine(GradingEngine.currentClasspath(), Grading.CATALOG, Progress.SILENT).grade(request);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isLessThan(budget.plusSeconds(35));
        ExerciseReport counterlock = report.exercises().get(0);
        assertThat(counterlock.score()).isLessThan(counterlock.maxScore() / 4);
        assertThat(counterlock.checks()).extracting(CheckReport::status).contains(CheckStatus.TIMEOUT, CheckStatus.SKIPPED);
        assertThat(counterlock.checks()).filteredOn(c -> c.status() == CheckStatus.TIMEOUT)
                .allSatisfy(c -> assertThat(c.message()).contains("in your code"));
    }
}
