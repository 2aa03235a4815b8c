package threadlab.grader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import threadlab.grader.catalog.CheckCatalog;
import threadlab.grader.rubric.Rubric;
import threadlab.grader.sandbox.Sandbox;
import threadlab.grader.sandbox.SandboxLimits;
import threadlab.grader.sandbox.SandboxMode;
import threadlab.grader.sandbox.Sandboxes;

/**
 * Grades a class: finds the submissions, keeps this shard's, skips those already graded and unchanged, grades the
 * rest {@code jobs} at a time — each job in sandboxes of its own CPUs, so concurrent benchmarks never share a
 * CPU — and rebuilds the gradebook and the class summary.
 */
public final class BatchRun {

    private final BatchOptions options;
    private final StudentGrader grader;
    private final BatchProgress progress;

    /** @param catalog the checks of the course, with the packs of {@link BatchOptions#packs()} */
    public BatchRun(BatchOptions options, CheckCatalog catalog, List<Path> graderClasspath, BatchProgress progress) {
        this.options = options;
        this.grader = new StudentGrader(graderClasspath, options,
                options.rubric() == null ? Rubric.defaults(catalog) : Rubric.fromFile(options.rubric(), catalog));
        this.progress = progress;
    }

    /** The CPUs each of {@code jobs} concurrent gradings gets: disjoint sets, two each where the machine allows. */
    public static List<SandboxLimits> cpuSlices(int jobs, int cpus) {
        if (jobs < 1 || jobs > cpus) {
            throw new IllegalArgumentException("--jobs must be between 1 and the " + cpus + " CPUs: each grading needs"
                    + " at least one CPU of its own, or the benchmarks of two submissions would share it");
        }
        int each = Math.max(1, Math.min(SandboxLimits.BENCHMARK_CPUS, cpus / jobs));
        List<SandboxLimits> slices = new ArrayList<>();
        for (int job = 0; job < jobs; job++) {
            int first = job * each;
            String cpuset = each == 1 ? Integer.toString(first) : first + "-" + (first + each - 1);
            slices.add(new SandboxLimits(cpuset, 4L << 30, 1024, 1024));
        }
        return slices;
    }

    /** Runs the batch and writes the gradebook; returns it. */
    public Gradebook run() throws IOException {
        Path students = Files.createDirectories(options.out().resolve(Gradebook.STUDENTS));
        removeLeftovers(students);
        Roster roster = options.roster() == null ? Roster.none() : Roster.read(options.roster());
        SubmissionFinder.Found found = SubmissionFinder.find(options.submissions());
        List<String> ids = new ArrayList<>();
        found.submissions().forEach(s -> ids.add(s.id()));
        ids.addAll(found.rejected().keySet());
        ids.sort(null);
        List<String> mine = Shards.slice(ids, options.shard()[0], options.shard()[1]);

        for (Map.Entry<String, String> rejected : found.rejected().entrySet()) {
            if (mine.contains(rejected.getKey())) {
                StudentGrader.publish(students, StudentResult.failed(rejected.getKey(), roster.nameOf(rejected.getKey()), "",
                        StudentResult.ERROR, rejected.getValue(), grader.seedOf(rejected.getKey())), students.resolve(".none"));
            }
        }
        List<StudentSubmission> todo = found.submissions().stream().filter(s -> mine.contains(s.id())).toList();
        gradeAll(todo, roster, students);
        Gradebook gradebook = Gradebook.read(options.out());
        gradebook.write(options.out());
        ClassOfStudentsSummary.write(options.out(), gradebook, rosterNotes(roster, ids));
        return gradebook;
    }

    private void gradeAll(List<StudentSubmission> todo, Roster roster, Path students) throws IOException {
        Path work = Files.createDirectories(options.out().resolve(".work"));
        List<SandboxLimits> slices = cpuSlices(options.jobs(), Runtime.getRuntime().availableProcessors());
        String owner = owner();
        if (options.sandbox() == SandboxMode.DOCKER) {
            Sandboxes.removeContainersOf(owner); // what a killed run of this batch may have left running
        }
        BlockingQueue<Sandbox> sandboxes = new ArrayBlockingQueue<>(slices.size());
        slices.forEach(limits -> sandboxes.add(Sandboxes.open(options.sandbox(), limits, owner)));
        progress.started(todo.size(), options.jobs());
        ExecutorService pool = Executors.newFixedThreadPool(options.jobs());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (StudentSubmission submission : todo) {
                futures.add(pool.submit(() -> {
                    Sandbox sandbox = sandboxes.take();
                    try {
                        gradeOne(submission, roster, students, work, sandbox);
                    } finally {
                        sandboxes.add(sandbox);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("grading failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            sandboxes.forEach(Sandbox::close);
            progress.end();
            Folders.delete(work);
        }
    }

    private void gradeOne(StudentSubmission submission, Roster roster, Path students, Path work, Sandbox sandbox) throws IOException {
        long start = System.nanoTime();
        Path scratch = Files.createTempDirectory(work, submission.id() + "-");
        String name = roster.nameOf(submission.id());
        try {
            StudentResult row;
            Preparation.Prepared prepared = null;
            try {
                prepared = grader.prepare(submission, scratch);
            } catch (Preparation.Refused e) {
                row = StudentResult.failed(submission.id(), name, "", StudentResult.ERROR, e.getMessage(), grader.seedOf(submission.id()));
                StudentGrader.publish(students, row, scratch.resolve("reports"));
                progress.finished(row, Duration.ofNanos(System.nanoTime() - start));
                return;
            }
            Optional<StudentResult> kept = StudentGrader.existing(students, submission.id());
            if (!options.regrade() && kept.isPresent() && kept.get().contentHash().equals(prepared.contentHash())) {
                if (!kept.get().name().equals(name)) {
                    StudentGrader.publish(students, kept.get().withName(name), copyOf(students.resolve(submission.id()), scratch));
                }
                progress.upToDate(submission.id());
                return;
            }
            row = grader.grade(submission, prepared, name, sandbox, scratch);
            StudentGrader.publish(students, row, scratch.resolve("reports"));
            progress.finished(row, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            Folders.delete(scratch);
        }
    }

    /** The student's reports, without the row, for publishing again under a new name. */
    private static Path copyOf(Path dir, Path scratch) throws IOException {
        Path copy = scratch.resolve("kept");
        Folders.copy(dir, copy, file -> !file.getFileName().toString().equals(StudentGrader.ROW));
        return copy;
    }

    /** Names this batch's containers by its output folder: the same batch run again finds them. */
    private String owner() {
        String path = options.out().toAbsolutePath().normalize().toString();
        return "batch-" + Integer.toHexString(path.hashCode());
    }

    /** What a batch killed while publishing a student left: the student's folder was not replaced, so it is regraded. */
    private static void removeLeftovers(Path students) throws IOException {
        try (var dirs = Files.list(students)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("\\..+\\.(staging|old)-.+")).toList()) {
                Folders.delete(dir);
            }
        }
    }

    private static List<String> rosterNotes(Roster roster, List<String> ids) {
        if (roster.isEmpty()) {
            return List.of();
        }
        List<String> notes = new ArrayList<>();
        List<String> unlisted = ids.stream().filter(id -> !roster.lists(id)).toList();
        List<String> absent = roster.ids().stream().filter(id -> !ids.contains(id)).toList();
        if (!unlisted.isEmpty()) {
            notes.add("Not on the roster: " + String.join(", ", unlisted) + ".");
        }
        if (!absent.isEmpty()) {
            notes.add("On the roster without a submission: " + String.join(", ", absent) + ".");
        }
        return notes;
    }
}
