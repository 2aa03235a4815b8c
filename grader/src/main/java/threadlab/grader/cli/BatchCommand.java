package threadlab.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import threadlab.grader.batch.BatchOptions;
import threadlab.grader.batch.BatchProgress;
import threadlab.grader.batch.BatchRun;
import threadlab.grader.batch.Gradebook;
import threadlab.grader.batch.Shards;
import threadlab.grader.batch.StudentResult;
import threadlab.grader.catalog.CheckCatalog;
import threadlab.grader.host.GradingEngine;
import threadlab.grader.sandbox.SandboxException;
import threadlab.grader.sandbox.SandboxMode;
import threadlab.grader.sandbox.Sandboxes;

/** {@code grade batch}: grades a whole class, one sandbox container per submission, into a gradebook. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        header = "Grades a class: every submission in a folder, into a gradebook.",
        description = {"Grades every submission in a folder (one folder, .zip, git clone or git .bundle per student) into a",
                "gradebook (gradebook.csv, gradebook.json), each student's reports (students/<id>/) and a class summary",
                "(summary.html). Each submission runs in a Docker container of its own. Re-running skips the submissions",
                "already graded and unchanged, so a batch that was stopped resumes where it was."})
final class BatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUBMISSIONS", description = "The folder with one entry per student.")
    Path submissions;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where the gradebook, summary and reports go.")
    Path out;

    @Option(names = "--roster", paramLabel = "CSV", description = "id,name per line: names for the gradebook, and a check that nobody is missing.")
    Path roster;

    @Option(names = "--exercise", paramLabel = "ID", description = "Grade only this exercise (repeatable). Default: all.")
    List<String> exercises;

    @Mixin
    CourseOption courseOption;

    @Option(names = "--rubric", paramLabel = "FILE", description = "Rubric file (YAML or JSON) for every submission.")
    Path rubric;

    @Option(names = "--quick", description = "Skip the slow phases (coverage, interleavings, benchmarks).")
    boolean quick;

    @Option(names = "--seed", paramLabel = "N", description = "One seed for everybody. Default: a seed derived from each student id.")
    Long seed;

    @Option(names = "--revision", paramLabel = "REV", description = "For git submissions: the tag, branch or commit to grade. Default: the default branch's head.")
    String revision;

    @Option(names = "--jobs", paramLabel = "N", description = "Submissions graded at once, each on CPUs of its own. Default: CPUs / 2.")
    Integer jobs;

    @Option(names = "--shard", paramLabel = "K/N", defaultValue = "1/1", description = "Grade only the K-th of N slices of the class (for a CI matrix; see merge).")
    String shard;

    @Option(names = "--regrade", description = "Grade again the submissions already graded and unchanged.")
    boolean regrade;

    @Option(names = "--sandbox", paramLabel = "MODE", defaultValue = "auto",
            description = "auto or docker: a container per submission (Docker required); local: run student code on this machine, unsandboxed.")
    String sandbox;

    @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "20", description = "Wall-clock limit per submission. Default: ${DEFAULT-VALUE}.")
    int timeoutMinutes;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(submissions)) {
            throw new ThreadLabCli.UsageProblem("no such folder: " + submissions);
        }
        if (roster != null && !Files.isRegularFile(roster)) {
            throw new ThreadLabCli.UsageProblem("no such roster file: " + roster);
        }
        CheckCatalog catalog = courseOption.catalog();
        if (rubric != null) {
            Options.rubric(rubric, catalog); // an invalid rubric is refused before anything runs
        }
        List<String> exerciseIds = exercises == null ? List.of()
                : Options.exercises(catalog.course(), exercises).stream().map(e -> e.id()).toList();
        int cpus = Runtime.getRuntime().availableProcessors();
        int jobCount = jobs != null ? jobs : Math.max(1, cpus / 2);
        BatchOptions options;
        try {
            BatchRun.cpuSlices(jobCount, cpus);
            options = new BatchOptions(submissions, out, roster, exerciseIds, rubric, quick, seed, revision, jobCount,
                    Shards.parse(shard), regrade, sandboxMode(err), Duration.ofMinutes(Math.max(1, timeoutMinutes)),
                    courseOption.builtPacks());
        } catch (IllegalArgumentException e) {
            throw new ThreadLabCli.UsageProblem(e.getMessage());
        }
        Gradebook gradebook;
        try {
            gradebook = new BatchRun(options, catalog, GradingEngine.currentClasspath(),
                    new BatchProgress(err, System.console() != null)).run();
        } catch (SandboxException | IllegalArgumentException e) {
            throw new ThreadLabCli.UsageProblem(e.getMessage());
        }
        long problems = gradebook.rows().stream().filter(r -> !r.status().equals(StudentResult.GRADED)).count();
        spec.commandLine().getOut().printf("Graded %d submission(s), %d could not be graded. Gradebook: %s, summary: %s%n",
                gradebook.rows().size() - problems, problems, out.resolve("gradebook.csv"), out.resolve("summary.html"));
        return ThreadLabCli.GRADED;
    }

    private SandboxMode sandboxMode(PrintWriter err) {
        SandboxMode mode = Options.sandbox(sandbox);
        if (mode == SandboxMode.LOCAL) {
            err.println("grade batch: WARNING: --sandbox local runs every student's code on this machine, unsandboxed"
                    + " (file system and network included).");
            return mode;
        }
        if (mode == SandboxMode.CONTAINER || !Sandboxes.dockerAvailable()) {
            throw new ThreadLabCli.UsageProblem("batch grading runs each submission in a Docker container, and no Docker"
                    + " engine answers (DOCKER_HOST is honoured). To grade on this machine without a sandbox, say so:"
                    + " --sandbox local.");
        }
        return SandboxMode.DOCKER;
    }
}
