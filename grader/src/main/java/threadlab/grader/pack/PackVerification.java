package threadlab.grader.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import threadlab.grader.api.Category;
import threadlab.grader.catalog.CheckCatalog;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.exercise.Course;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.host.GradeRequest;
import threadlab.grader.host.GradingEngine;
import threadlab.grader.host.Progress;
import threadlab.grader.report.CheckReport;
import threadlab.grader.report.ExerciseReport;
import threadlab.grader.report.Points;
import threadlab.grader.rubric.Rubric;
import threadlab.grader.sandbox.SandboxMode;

/**
 * A pack's self-test, {@code ./grade pack verify}: the reference solution earns full marks (repeatedly) and matches the
 * contract; the stub earns nothing and says "not implemented"; each fixture loses the checks aimed at its bug and
 * keeps the others; every check is aimed at by a fixture. Runs on the real engine, as a student's grading would.
 */
public final class PackVerification {

    private final PackFolder pack;
    private final CheckCatalog catalog;
    private final Exercise exercise;
    private final Path work;
    private final Consumer<String> log;
    private final List<String> problems = new ArrayList<>();

    /**
     * @param pack the pack folder to verify
     * @param work a scratch folder (materialized fixtures, gradings' work folders)
     * @param log  hears one line per step
     */
    public PackVerification(PackFolder pack, Path work, Consumer<String> log) {
        this.pack = pack;
        Course course = Packs.course(List.of(pack.root()));
        this.catalog = CheckCatalog.load(course);
        this.exercise = course.byId(pack.exercise().id()).orElseThrow();
        this.work = work;
        this.log = log;
    }

    /**
     * Runs the self-test.
     *
     * @param solutionRuns how often the solution is graded (each must earn full marks)
     * @return what is wrong with the pack, one line each; empty when it passes
     */
    public List<String> run(int solutionRuns) {
        List<Fixture> fixtures = fixtures();
        for (int run = 1; run <= solutionRuns; run++) {
            solutionEarnsFullMarks(run);
        }
        stubEarnsNothing();
        fixtures.forEach(this::fixtureLosesWhatItAimsAt);
        everyCheckIsAimedAt(fixtures);
        return List.copyOf(problems);
    }

    private void solutionEarnsFullMarks(int run) {
        ExerciseReport report = grade(pack.solution(), "solution", run, false);
        List<String> lost = report.checks().stream().filter(c -> !c.status().awarded())
                .map(c -> c.id() + " (" + c.status().id() + "): " + firstLine(c.message())).toList();
        contractMatches(report, "solution");
        if (!lost.isEmpty() || !ExerciseReport.GRADED.equals(report.status())) {
            problem("the solution's grading " + run + " is " + report.status() + ", " + points(report) + "; lost: "
                    + String.join("; ", lost));
        }
        log.accept("solution, grading " + run + ": " + points(report));
    }

    private void stubEarnsNothing() {
        ExerciseReport report = grade(pack.stub(), "stub", 0, true);
        contractMatches(report, "stub");
        if (!ExerciseReport.NOT_STARTED.equals(report.status()) || report.score() > 0) {
            problem("the stub is " + report.status() + ", " + points(report) + "; expected not-started, 0 points (each "
                    + "method throws UnsupportedOperationException(\"... not implemented yet ...\"))");
        }
        log.accept("stub: " + report.status() + ", " + points(report));
    }

    private void fixtureLosesWhatItAimsAt(Fixture fixture) {
        Path sources = work.resolve("fixtures").resolve(fixture.name());
        try {
            fixture.materialize(pack.solution(), sources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Graded quick unless it aims at an exploration: the other checks run in the quick phase.
        boolean quick = fixture.loses().stream().noneMatch(this::isExploration);
        ExerciseReport report = grade(sources, fixture.name(), 0, quick);
        List<String> kept = new ArrayList<>();
        List<String> lostUnaimed = new ArrayList<>();
        for (CheckReport check : report.checks()) {
            boolean lost = !check.status().awarded();
            if (fixture.loses().contains(check.id()) && !lost) {
                kept.add(check.id());
            } else if (lost && !fixture.concerns(check.id())) {
                lostUnaimed.add(check.id() + ": " + firstLine(check.message()));
            }
        }
        if (!kept.isEmpty()) {
            problem("fixture " + fixture.name() + " (" + fixture.bug() + ") kept " + kept + ", aimed at its bug");
        }
        if (!lostUnaimed.isEmpty()) {
            problem("fixture " + fixture.name() + " lost checks not aimed at its bug (say so with may-lose: if the bug "
                    + "does break them): " + String.join("; ", lostUnaimed));
        }
        log.accept("fixture " + fixture.name() + ": " + points(report) + (kept.isEmpty() && lostUnaimed.isEmpty()
                ? ", loses " + fixture.loses() : ", WRONG"));
    }

    private void everyCheckIsAimedAt(List<Fixture> fixtures) {
        Set<String> unaimed = new TreeSet<>();
        for (CheckDefinition check : catalog.of(exercise)) {
            if (fixtures.stream().noneMatch(f -> f.loses().contains(check.id()))) {
                unaimed.add(check.id());
            }
        }
        if (!unaimed.isEmpty()) {
            problem("no fixture loses " + unaimed + ": add a buggy variant (fixtures/NAME/fixture.txt) aimed at each, "
                    + "or the check is not shown to catch anything");
        }
    }

    private void contractMatches(ExerciseReport report, String what) {
        if (!report.apiDrift().isEmpty()) {
            problem("the " + what + " does not match contract.txt: " + String.join("; ", report.apiDrift()));
        }
    }

    private ExerciseReport grade(Path sources, String label, long seed, boolean quick) {
        Path workDir = work.resolve("grading-" + label + "-" + seed);
        GradeRequest request = new GradeRequest(sources, label, Set.of(exercise), seed, quick, Rubric.defaults(catalog),
                workDir, GradeRequest.DEFAULT_EXERCISE_BUDGET, workDir.resolve("artifacts"), SandboxMode.LOCAL);
        return new GradingEngine(GradingEngine.currentClasspath(), catalog, Progress.SILENT).grade(request)
                .exercises().get(0);
    }

    private List<Fixture> fixtures() {
        if (!Files.isDirectory(pack.fixtures())) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(pack.fixtures())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("fixture.txt"))).sorted()
                    .map(d -> Fixture.read(d, exercise)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isExploration(String checkId) {
        return catalog.byId(checkId).map(c -> c.category() == Category.INTERLEAVINGS).orElse(false);
    }

    private void problem(String line) {
        problems.add(line);
    }

    private static String points(ExerciseReport report) {
        return Points.of(report.score(), report.maxScore()) + " points";
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
