package threadlab.grader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import threadlab.grader.harness.ResultChannel;
import threadlab.grader.host.GraderLaunch;
import threadlab.grader.interleavings.Lincheck;
import threadlab.grader.interleavings.Vmlens;
import threadlab.grader.report.CheckReport;
import threadlab.grader.report.ExerciseReport;
import threadlab.grader.report.GradeReport;
import threadlab.grader.report.ReportFormat;
import threadlab.grader.report.SealedResult;
import threadlab.grader.rubric.Rubric;
import threadlab.grader.sandbox.Sandbox;
import threadlab.grader.sandbox.SandboxJob;
import threadlab.grader.sandbox.SandboxMode;
import threadlab.grader.sandbox.SandboxRun;
import threadlab.grader.verdict.Reason;

/**
 * Grades one student: prepares the submission, runs the grader's own command line on it inside a sandbox (one
 * container per submission, or a local JVM), and turns what came out — or what went wrong — into the student's
 * reports and gradebook row, written atomically into {@code students/<id>/}.
 */
final class StudentGrader {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    static final String ROW = "batch.json";
    /** Inside a student's reports while they are staged; moved to the instructor's folder when published. */
    static final String INSTRUCTOR_ONLY = ".instructor";
    /** The folder, beside {@code students/}, of the full results with hidden details: for instructors only. */
    static final String INSTRUCTOR_DIR = "instructor";
    private static final String RESULT = "out/" + GraderLaunch.SEALED_RESULT;

    private final List<Path> graderClasspath;
    private final BatchOptions options;
    private final HostScoring scoring;

    /** @param rubric applied here, on the host: the rubric never enters a student's container */
    StudentGrader(List<Path> graderClasspath, BatchOptions options, Rubric rubric) {
        this.graderClasspath = List.copyOf(graderClasspath);
        this.options = options;
        this.scoring = new HostScoring(rubric);
    }

    /** The seed of a student's grading: the one given, or one derived from the id, so re-runs replay it. */
    long seedOf(String id) {
        return options.seed() != null ? options.seed() : Math.floorMod(id.hashCode() * 2_654_435_761L, 1_000_000L);
    }

    /** What the submission is, by content, without grading it. */
    Preparation.Prepared prepare(StudentSubmission submission, Path scratch) throws Preparation.Refused, IOException {
        return Preparation.prepare(submission, options.revision(), scratch);
    }

    /** Grades a prepared submission in {@code sandbox}; never throws for what the submission does. */
    StudentResult grade(StudentSubmission submission, Preparation.Prepared prepared, String name, Sandbox sandbox, Path scratch) {
        long seed = seedOf(submission.id());
        String secret = ResultChannel.newSecret();
        SandboxRun run = sandbox.run(job(submission, prepared, seed, scratch, secret));
        // Only a result sealed with this run's secret counts, rescored here from its typed check results.
        Optional<GradeReport> report = run.result().flatMap(file -> SealedResult.read(file, secret)).map(scoring::rescore);
        if (report.isPresent() && run.exitCode() != null && (run.exitCode() == GraderLaunch.GRADED
                || run.exitCode() == GraderLaunch.BELOW_THRESHOLD)) {
            writeReports(report.get(), scratch.resolve("reports"));
            return graded(submission.id(), name, prepared.contentHash(), report.get(), seed);
        }
        if (run.result().isPresent() && report.isEmpty() && !run.timedOut()) {
            return StudentResult.failed(submission.id(), name, prepared.contentHash(), StudentResult.ERROR,
                    "the grader's result was not sealed by the grader: written or damaged by other code", seed);
        }
        if (run.timedOut()) {
            return StudentResult.failed(submission.id(), name, prepared.contentHash(), StudentResult.TIMEOUT,
                    "grading took longer than " + options.timeLimit().toMinutes() + " min and was stopped", seed);
        }
        return StudentResult.failed(submission.id(), name, prepared.contentHash(), StudentResult.ERROR, reason(run), seed);
    }

    private SandboxJob job(StudentSubmission submission, Preparation.Prepared prepared, long seed, Path scratch,
            String secret) {
        List<Path> inputs = new ArrayList<>(List.of(prepared.gradable()));
        List<String> args = new ArrayList<>(List.of("grade",
                "--submission", SandboxJob.INPUT + "/" + prepared.gradable().getFileName(),
                "--out", "out", "--format", "json", "--seed", Long.toString(seed), "--label", submission.id(),
                GraderLaunch.SEAL_RESULT));
        args.addAll(options.sandbox() == SandboxMode.DOCKER ? List.of(GraderLaunch.INSIDE_CONTAINER)
                : List.of("--sandbox", SandboxMode.LOCAL.id()));
        if (options.quick()) {
            args.add("--quick");
        }
        options.exercises().forEach(e -> args.addAll(List.of("--exercise", e)));
        for (Path pack : options.packs()) { // built already: the grading inside needs no compiler for them
            inputs.add(pack);
            args.addAll(List.of("--packs", SandboxJob.INPUT + "/" + pack.getFileName()));
        }
        List<Path> explorationTools = new ArrayList<>(Vmlens.buildPaths());
        explorationTools.addAll(Lincheck.buildPaths());
        return new SandboxJob(GraderLaunch.MAIN_CLASS, args, graderClasspath, options.timeLimit(), RESULT,
                scratch.resolve("run"), inputs, explorationTools, secret).asGrader();
    }

    private static StudentResult graded(String id, String name, String hash, GradeReport report, long seed) {
        Map<String, Double> exercises = new LinkedHashMap<>();
        Map<String, String> statuses = new LinkedHashMap<>();
        for (ExerciseReport exercise : report.exercises()) {
            exercises.put(exercise.id(), exercise.score());
            statuses.put(exercise.id(), exercise.status());
        }
        return new StudentResult(id, name, hash, StudentResult.GRADED, "", report.score(), report.maxScore(), exercises, seed,
                integrity(report), statuses);
    }

    /** What the instructor should look at: exercises the allowlist rejected, checks whose results were forged. */
    private static String integrity(GradeReport report) {
        List<String> findings = new ArrayList<>();
        List<String> rejected = report.exercises().stream().filter(e -> ExerciseReport.REJECTED.equals(e.status()))
                .map(ExerciseReport::id).toList();
        if (!rejected.isEmpty()) {
            findings.add("rejected: " + String.join(" ", rejected));
        }
        List<String> tampered = report.exercises().stream().flatMap(e -> e.checks().stream())
                .filter(c -> c.reason() == Reason.TAMPERED).map(CheckReport::id).toList();
        if (!tampered.isEmpty()) {
            findings.add("tampered: " + String.join(" ", tampered));
        }
        return String.join("; ", findings);
    }

    /** The grader's own one-line explanation ("grade: ...") if it gave one, else the end of what it printed. */
    private static String reason(SandboxRun run) {
        List<String> said = run.output().lines().filter(l -> l.startsWith("grade: ")).map(l -> l.substring(7)).toList();
        if (!said.isEmpty()) {
            return said.get(0);
        }
        String tail = run.output().strip();
        tail = tail.length() > 500 ? "..." + tail.substring(tail.length() - 500) : tail;
        return "the grader's JVM ended with exit code " + run.exitCode() + (tail.isEmpty() ? "" : ": " + tail);
    }

    private static void writeReports(GradeReport report, Path dir) {
        try {
            Files.createDirectories(dir);
            for (ReportFormat format : ReportFormat.values()) {
                format.write(report, dir);
            }
            ReportFormat.writeForInstructors(report, Files.createDirectories(dir.resolve(INSTRUCTOR_ONLY)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports to " + dir, e);
        }
    }

    /**
     * Makes {@code students/<id>/} hold exactly the row and the reports in {@code scratch}, at once: a batch killed
     * at any moment leaves either the old folder or the new one, never half of one.
     */
    static void publish(Path studentsDir, StudentResult row, Path reports) throws IOException {
        Files.createDirectories(studentsDir);
        Path staging = studentsDir.resolve("." + row.id() + ".staging-" + UUID.randomUUID());
        if (Files.isDirectory(reports)) {
            Files.move(reports, staging);
        } else {
            Files.createDirectories(staging);
        }
        JSON.writeValue(staging.resolve(ROW).toFile(), row);
        moveInstructorCopy(staging.resolve(INSTRUCTOR_ONLY), studentsDir.resolveSibling(INSTRUCTOR_DIR), row.id());
        Path target = studentsDir.resolve(row.id());
        if (Files.exists(target)) {
            Path old = studentsDir.resolve("." + row.id() + ".old-" + UUID.randomUUID());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            Folders.delete(old);
        } else {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * The full result, hidden checks' details included, goes to {@code instructor/<id>.json} beside
     * {@code students/}: no file under {@code students/<id>/} holds what the rubric hides.
     */
    private static void moveInstructorCopy(Path staged, Path instructorDir, String id) throws IOException {
        if (!Files.isDirectory(staged)) {
            return;
        }
        Path result = staged.resolve("result.json");
        if (Files.isRegularFile(result)) {
            Files.createDirectories(instructorDir);
            Files.move(result, instructorDir.resolve(id + ".json"), StandardCopyOption.REPLACE_EXISTING);
        }
        Folders.delete(staged);
    }

    /** The row kept for a student, if a finished grading left one. */
    static Optional<StudentResult> existing(Path studentsDir, String id) {
        Path row = studentsDir.resolve(id).resolve(ROW);
        if (!Files.isRegularFile(row)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(row.toFile(), StudentResult.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
