package threadlab.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import threadlab.grader.BuiltIn;
import threadlab.grader.Docker;
import threadlab.grader.Grading;
import threadlab.grader.Submissions;
import threadlab.grader.cli.ThreadLabCli;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.sandbox.Sandboxes;

/**
 * A batch over a small generated class — correct folders, a zip and a git bundle, code that does not compile,
 * hostile code (escape, network, exit; unbounded allocation, an endless loop), an ordinary bug, a
 * zip-slip archive, an empty folder — graded through the command line, one container each when Docker answers
 * (else with {@code --sandbox local}); then killed and resumed, and sharded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class BatchTest {

    private static final Exercise EXERCISE = BuiltIn.COUNTERLOCK;
    private final String escapeMarker = "/tmp/threadlab-escaped-" + UUID.randomUUID();
    private Path work;
    private Path submissions;
    private Path whole;
    private String wholeGradebook;
    private boolean docker;

    @BeforeAll
    void gradeTheClass() throws Exception {
        Docker.assumeContainerTestsOn();
        docker = Sandboxes.dockerAvailable() || Grading.DOCKER_REQUIRED;
        work = Files.createTempDirectory("threadlab-batch-test");
        submissions = Files.createDirectories(work.resolve("class"));
        Submissions.withSolution(submissions.resolve("alice"), EXERCISE);
        Submissions.zip(Submissions.withSolution(work.resolve("bob-src"), EXERCISE), submissions.resolve("bob.zip"), "bob/src/");
        Submissions.withFile(submissions.resolve("carol"), EXERCISE, "CounterLock.java",
                "package threadlab.counterlock;\npublic final class CounterLock { this does not compile }\n");
        gitBundle(Submissions.withSolution(work.resolve("dave-repo"), EXERCISE), submissions.resolve("dave.bundle"));
        hostile(submissions.resolve("erin"));
        Submissions.zipWithEntry(submissions.resolve("frank.zip"), "../../escape.java", "package threadlab.counterlock;");
        Files.createDirectories(submissions.resolve("gina"));
        // Each misbehaves in one place only (add(3), which the no-lost-update check calls), to keep the batch short.
        // (A thread flood is contained too — measured by hand: 81 s, graded — but too slow for this test; the
        // engine's own tests cover it.)
        misbehavingAdd(submissions.resolve("ivy"), "java.util.List<long[]> hog = new java.util.ArrayList<>(); while (true) { hog.add(new long[1 << 20]); }");
        misbehavingAdd(submissions.resolve("jack"), "while (delta > 0) { Thread.onSpinWait(); }");
        buggyTryLock(submissions.resolve("kim"));


        whole = work.resolve("whole");
        batch(whole);
        wholeGradebook = Files.readString(whole.resolve("gradebook.csv"));
    }

    @Test
    void everyRowSaysWhatHappenedAndTheBatchCompletes() {
        Gradebook gradebook = Gradebook.read(whole);
        assertThat(gradebook.rows()).extracting(StudentResult::id)
                .containsExactly("alice", "bob", "carol", "dave", "erin", "frank", "gina", "ivy", "jack", "kim");
        for (String correct : List.of("alice", "bob", "dave")) {
            StudentResult row = gradebook.row(correct).orElseThrow();
            assertThat(row.status()).as(correct + ": " + row.reason()).isEqualTo(StudentResult.GRADED);
            assertThat(row.score()).as(correct).isEqualTo(row.maxScore()).isPositive();
        }
        assertThat(gradebook.row("dave").orElseThrow().contentHash()).startsWith("git:");
        StudentResult carol = gradebook.row("carol").orElseThrow();
        assertThat(carol.status()).isEqualTo(StudentResult.GRADED);
        assertThat(carol.score()).isZero();
        StudentResult erin = gradebook.row("erin").orElseThrow();
        assertThat(erin.status()).isEqualTo(StudentResult.GRADED);
        assertThat(erin.score()).isLessThan(erin.maxScore());
        assertThat(erin.integrity()).as("her code reaches for files, sockets and System.exit").isEqualTo("rejected: counterlock");
        assertThat(whole.resolve("instructor/erin.json")).content().contains("\"reason\" : \"rejected\"");
        for (String misbehaving : List.of("ivy", "jack", "kim")) {
            StudentResult row = gradebook.row(misbehaving).orElseThrow();
            assertThat(row.status()).as(misbehaving + ": " + row.reason()).isEqualTo(StudentResult.GRADED);
            assertThat(row.score()).as(misbehaving).isPositive().isLessThan(row.maxScore());
        }
        assertThat(whole.resolve("students/ivy/summary.txt")).content().contains("memory");
        assertThat(whole.resolve("students/jack/summary.txt")).content().contains("did not finish");
        assertThat(gradebook.row("frank").orElseThrow().reason()).contains("zip-slip");
        assertThat(gradebook.row("gina").orElseThrow().reason()).contains("empty");
        assertThat(whole.resolve("students/alice/report.html")).exists();
        assertThat(whole.resolve("summary.html")).content().contains("What the class fails most", "frank", "zip-slip");
        assertThat(wholeGradebook).startsWith("id,name,status,score,max_score,counterlock,counterlock_status,reason,integrity\n")
                .containsPattern("\ncarol,,graded,0,\\d+,0,compile-error,");
        assertThat(whole.resolve("summary.html")).content().contains("<a href=\"students/alice/report.html\">alice</a>");
    }

    @Test
    void hostileCodeStaysInItsContainer() {
        org.junit.jupiter.api.Assumptions.assumeTrue(docker, "only a container keeps files from escaping");
        assertThat(Path.of(escapeMarker)).as("a file the hostile submission wrote outside its folder").doesNotExist();
    }

    @Test
    void aBatchKilledHalfwayAndRunAgainEndsWithTheSameGradebook() throws Exception {
        // A class half graded: two students still to grade. The batch grades one of them, and is killed while it
        // grades the other.
        Path resumed = work.resolve("resumed");
        Folders.copy(whole.resolve(Gradebook.STUDENTS), resumed.resolve(Gradebook.STUDENTS), file -> true);
        Folders.delete(resumed.resolve("students/dave"));
        Folders.delete(resumed.resolve("students/kim"));
        Process killed = new ProcessBuilder(cliCommand(batchArguments(submissions, resumed, 1))) // one at a time: kim waits for dave.redirectErrorStream(true)
                .redirectOutput(work.resolve("killed.log").toFile()).start();
        try {
            awaitStudent(resumed.resolve("students/dave"), killed);
        } finally {
            killed.descendants().forEach(ProcessHandle::destroyForcibly);
            killed.destroyForcibly();
            assertThat(killed.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(resumed.resolve("gradebook.csv")).as("a batch killed halfway has no gradebook yet").doesNotExist();

        batch(resumed);

        assertThat(resumed.resolve("gradebook.csv")).content().isEqualTo(wholeGradebook);
        if (docker) {
            assertThat(Docker.containersLabelled("io.threadlab.owner")).as("containers the killed batch left").isEmpty();
        }
    }

    /** Waits (bounded) until the batch has published {@code student}'s folder. */
    private static void awaitStudent(Path student, Process batch) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline && batch.isAlive()) {
            if (Files.exists(student.resolve(StudentGrader.ROW))) {
                return;
            }
            batch.waitFor(200, TimeUnit.MILLISECONDS); // returns at once if the batch ends
        }
        throw new AssertionError("the batch did not publish " + student.getFileName() + " within 5 minutes (alive: "
                + batch.isAlive() + ")");
    }

    /** The grader's command line in a JVM of its own, so it can be killed. */
    private static List<String> cliCommand(List<String> arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ThreadLabCli.class.getName()));
        command.addAll(arguments);
        return command;
    }

    @Test
    void shardsMergedEqualTheWholeBatch() throws Exception {
        // Four of the class (a graded one, one that does not compile, a refused archive, an empty folder): the
        // shards' gradebook must hold exactly their rows of the whole batch's.
        List<String> some = List.of("alice", "carol", "frank.zip", "gina");
        Path part = Files.createDirectories(work.resolve("part-of-class"));
        for (String entry : some) {
            Path from = submissions.resolve(entry);
            if (Files.isDirectory(from)) {
                Folders.copy(from, part.resolve(entry), file -> true);
            } else {
                Files.copy(from, part.resolve(entry));
            }
        }
        Path first = work.resolve("shard-1");
        Path second = work.resolve("shard-2");
        batch(part, first, "--shard", "1/2");
        batch(part, second, "--shard", "2/2");
        assertThat(Gradebook.read(first).rows()).extracting(StudentResult::id).containsExactly("alice", "frank");
        assertThat(Gradebook.read(second).rows()).extracting(StudentResult::id).containsExactly("carol", "gina");

        Path merged = work.resolve("merged");
        assertThat(ThreadLabCli.run(new String[] {"merge", first.toString(), second.toString(), "--out", merged.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))).isZero();

        String expected = wholeGradebook.lines().filter(line -> line.startsWith("id,") || List.of("alice", "carol", "frank", "gina")
                .contains(line.substring(0, line.indexOf(',')))).map(line -> line + "\n").collect(java.util.stream.Collectors.joining());
        assertThat(merged.resolve("gradebook.csv")).content().isEqualTo(expected);
    }

    /** Runs {@code grade batch} on the class into {@code out}; returns what it printed. */
    private String batch(Path out, String... more) {
        return batch(submissions, out, more);
    }

    /** Runs {@code grade batch} on {@code folder} into {@code out}; returns what it printed. */
    private String batch(Path folder, Path out, String... more) {
        List<String> args = batchArguments(folder, out, jobs());
        args.addAll(List.of(more));
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = ThreadLabCli.run(args.toArray(String[]::new), new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        assertThat(exit).as(stderr.toString()).isZero();
        return stdout.toString();
    }

    private List<String> batchArguments(Path folder, Path out, int jobs) {
        return new java.util.ArrayList<>(List.of("batch", folder.toString(), "--out", out.toString(),
                "--exercise", EXERCISE.id(), "--quick", "--jobs", Integer.toString(jobs), "--sandbox", docker ? "docker" : "local"));
    }

    /** Two at a time where there are two CPUs (one each, so this also exercises --jobs), else one. */
    private static int jobs() {
        return Math.min(2, Runtime.getRuntime().availableProcessors());
    }

    /** A counter lock that tries to leave its sandbox: writes outside its folder, opens a connection, ends the JVM. */
    private void hostile(Path target) throws IOException {
        Submissions.withSolution(target, EXERCISE);
        Path lock = target.resolve("threadlab/counterlock/CounterLock.java");
        String source = Files.readString(lock, StandardCharsets.UTF_8);
        String constructor = "public CounterLock() {";
        assertThat(source).contains(constructor);
        Files.writeString(lock, source.replace(constructor, constructor + """
                    try {
                        java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "escaped");
                        new java.net.Socket().connect(new java.net.InetSocketAddress("10.255.255.1", 80), 500);
                    } catch (Exception ignored) {
                    }
                    System.exit(3);
                """.formatted(escapeMarker)), StandardCharsets.UTF_8);
    }

    /** A counter whose {@code add(3)} runs {@code body} first. */
    private static void misbehavingAdd(Path target, String body) throws IOException {
        Submissions.withSolution(target, EXERCISE);
        replace(target.resolve("threadlab/counterlock/SharedCounter.java"), "public void add(long delta) {",
                "public void add(long delta) {\n        if (delta == 3) { " + body + " }");
    }

    /** An ordinary bug: tryLock() never takes the lock. */
    private static void buggyTryLock(Path target) throws IOException {
        Submissions.withSolution(target, EXERCISE);
        replace(target.resolve("threadlab/counterlock/CounterLock.java"), "public synchronized boolean tryLock() {",
                "public synchronized boolean tryLock() {\n        if (true) { return false; }");
    }

    private static void replace(Path file, String original, String replacement) throws IOException {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(source).contains(original);
        Files.writeString(file, source.replace(original, replacement), StandardCharsets.UTF_8);
    }

    private static void gitBundle(Path repo, Path bundle) throws Exception {
        run(repo, "git", "init", "--quiet", "-b", "main");
        run(repo, "git", "add", ".");
        run(repo, "git", "-c", "user.name=Dave", "-c", "user.email=dave@example.org", "commit", "--quiet", "-m", "counter lock");
        run(repo, "git", "bundle", "create", "--quiet", bundle.toString(), "main");
    }

    private static void run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + new String(process.getInputStream().readAllBytes()))
                .isZero();
    }
}
