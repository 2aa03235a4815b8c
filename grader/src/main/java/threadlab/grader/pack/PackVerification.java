package threadlab.grader.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import threadlab.grader.api.Category;
import threadlab.grader.catalog.CheckCatalog;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.host.GradeRequest;
import threadlab.grader.host.GradingEngine;
import threadlab.grader.host.Progress;
import threadlab.grader.mutation.Mutant;
import threadlab.grader.mutation.MutationTable;
import threadlab.grader.report.CheckReport;
import threadlab.grader.report.ExerciseReport;
import threadlab.grader.report.Points;
import threadlab.grader.rubric.Rubric;
import threadlab.grader.sandbox.SandboxMode;
import threadlab.grader.verdict.CheckStatus;

/**
 * A pack's self-test, {@code ./grade pack verify}: the reference solution earns full marks (repeatedly) and matches the
 * contract; the stub earns nothing and says "not implemented"; each fixture loses the checks aimed at its bug and
 * keeps the others; every check is aimed at by a fixture. Runs on the real engine, as a student's grading would; the
 * grader's own six packs verify the same way.
 *
 * <p>A fixture is graded by the check JVMs, without the slow phases, unless its {@code fixture.txt} says otherwise
 * ({@code grades:}); it is explored, or benchmarked, too when a check it must lose is an exploration or a benchmark,
 * and then only by the explorations and benchmarks its bug concerns.
 */
public final class PackVerification {

    /** The seed the stub and the fixtures are graded with (the solution's gradings each have their own). */
    static final long FIXTURE_SEED = 20261122L;
    /** The phase of the checks the check JVMs run (see {@link Fixture#PHASES}). */
    private static final String TESTS = "tests";
    private static final String EXPLORATIONS = "interleavings";
    private static final String BENCHMARKS = "performance";

    private final PackFolder pack;
    private final CheckCatalog catalog;
    private final Exercise exercise;
    private final Path work;
    private final SandboxMode sandbox;
    private final Consumer<String> log;
    private final GradingEngine engine;
    private List<Fixture> fixtures;

    /**
     * @param pack    the pack to verify
     * @param work    a scratch folder (materialized fixtures, gradings' work folders)
     * @param sandbox where the benchmarks run, as for a student's grading
     * @param log     hears one line per step
     */
    public PackVerification(PackFolder pack, Path work, SandboxMode sandbox, Consumer<String> log) {
        this.pack = pack;
        this.catalog = CheckCatalog.load(pack.course());
        this.exercise = catalog.course().byId(pack.exercise().id()).orElseThrow();
        this.work = work;
        this.sandbox = sandbox;
        this.log = log;
        this.engine = new GradingEngine(GradingEngine.currentClasspath(), catalog, Progress.SILENT);
    }

    /** The exercise the pack describes. */
    public Exercise exercise() {
        return exercise;
    }

    /**
     * Runs the whole self-test.
     *
     * @param solutionRuns how often the solution is graded (each must earn full marks)
     * @return what is wrong with the pack, one line each; empty when it passes
     */
    public List<String> run(int solutionRuns) throws InterruptedException {
        List<String> problems = new ArrayList<>(unaimedChecks()); // reads every fixture.txt before minutes of grading
        for (int run = 1; run <= solutionRuns; run++) {
            problems.addAll(solutionEarnsFullMarks(run));
        }
        problems.addAll(stubEarnsNothing());
        problems.addAll(fixturesLoseWhatTheyAimAt());
        return List.copyOf(problems);
    }

    /** Grades every fixture ({@link FixtureSweep}): what each kept of its aim, or lost beyond it, one line each. */
    public List<String> fixturesLoseWhatTheyAimAt() throws InterruptedException {
        List<String> problems = new ArrayList<>();
        FixtureSweep sweep = FixtureSweep.start(List.of(this), fixture -> true, FixtureSweep.Breadth.EVERY_CHECK);
        for (Fixture fixture : sweep.fixtures()) {
            List<String> wrong = sweep.problemsOf(fixture);
            wrong.forEach(p -> problems.add("fixture " + fixture.name() + " " + p));
            log.accept(String.format(Locale.ROOT, "fixture %s: %s (graded in %.1f s)", fixture.name(),
                    wrong.isEmpty() ? "loses " + fixture.loses() : "WRONG", sweep.gradingTime(fixture).toMillis() / 1e3));
        }
        return problems;
    }

    /** Grades the solution in full ({@code run} is its seed): what keeps it from full marks, one line each. */
    public List<String> solutionEarnsFullMarks(int run) {
        ExerciseReport report = grade(pack.solution(), "solution-" + run, run, false, Rubric.defaults(catalog));
        List<String> problems = new ArrayList<>(contractDrift(report, "solution"));
        // Stricter than a student's grading: an inconclusive verdict on the solution is a check that cannot decide.
        List<String> lost = report.checks().stream().filter(c -> c.status() != CheckStatus.PASSED)
                .map(c -> c.id() + " (" + c.status().id() + "): " + firstLine(c.message())).toList();
        if (!lost.isEmpty() || !ExerciseReport.GRADED.equals(report.status())) {
            problems.add("the solution's grading " + run + " is " + report.status() + ", " + points(report) + "; lost: "
                    + String.join("; ", lost));
        }
        log.accept("solution, grading " + run + ": " + points(report));
        return problems;
    }

    /** Grades the stub (quick): it must be not started, 0 points, and match the contract. */
    public List<String> stubEarnsNothing() {
        ExerciseReport report = grade(pack.stub(), "stub", FIXTURE_SEED, true, Rubric.defaults(catalog));
        List<String> problems = new ArrayList<>(contractDrift(report, "stub"));
        if (!ExerciseReport.NOT_STARTED.equals(report.status()) || report.score() > 0) {
            problems.add("the stub is " + report.status() + ", " + points(report) + "; expected not-started, 0 points "
                    + "(each method throws UnsupportedOperationException(\"... not implemented yet ...\"))");
        }
        log.accept("stub: " + report.status() + ", " + points(report));
        return problems;
    }

    /** The checks of the exercise that no fixture must lose: each is not shown to catch anything. */
    public List<String> unaimedChecks() {
        Set<String> unaimed = new TreeSet<>();
        for (CheckDefinition check : catalog.of(exercise)) {
            if (fixtures().stream().noneMatch(f -> f.loses().contains(check.id()))) {
                unaimed.add(check.id());
            }
        }
        return unaimed.isEmpty() ? List.of() : List.of("no fixture loses " + unaimed + ": add a buggy variant "
                + "(fixtures/NAME/fixture.txt) aimed at each, or the check is not shown to catch anything");
    }

    /**
     * The pack's mutation score: every mutant the concurrency operators make of the solution ({@link Mutant}), except
     * those its {@linkplain PackFolder#equivalentMutants() equivalence list} names, graded {@code gradings} times
     * ({@link PackMutationScore}).
     *
     * @param which the mutants to grade (those it refuses are left out of the table)
     */
    public MutationTable mutationScore(int gradings, Predicate<Mutant> which) throws IOException {
        return new PackMutationScore(this, gradings, log).of(pack, which);
    }

    /** The pack's fixtures, read from their {@code fixture.txt}. */
    public List<Fixture> fixtures() {
        if (fixtures == null) {
            fixtures = readFixtures();
        }
        return fixtures;
    }

    /** Whether {@code fixture} is explored or benchmarked, which {@link FixtureSweep} does after the check JVMs. */
    boolean needsEngines(Fixture fixture) {
        Set<String> phases = phasesOf(fixture);
        return phases.contains(EXPLORATIONS) || phases.contains(BENCHMARKS);
    }

    /** Whether {@code fixture} is benchmarked, which {@link FixtureSweep} does with the machine to itself. */
    boolean isBenchmarked(Fixture fixture) {
        return phasesOf(fixture).contains(BENCHMARKS);
    }

    /**
     * What the check JVMs (a quick grading) gave {@code fixture}, by check id: every check of the exercise, or for a
     * buggy fixture graded by the {@link FixtureSweep.Breadth#AIMED_CHECKS} only those it must lose; nothing if its
     * phases leave the check JVMs out, or none of those checks is theirs.
     */
    Map<String, CheckReport> gradeInCheckJvms(Fixture fixture, FixtureSweep.Breadth breadth) {
        if (!phasesOf(fixture).contains(TESTS)) {
            return Map.of();
        }
        boolean aimedOnly = breadth == FixtureSweep.Breadth.AIMED_CHECKS && !fixture.isCorrect();
        Rubric checks = aimedOnly ? Rubric.defaults(catalog).only(fixture::mustLose) : Rubric.defaults(catalog);
        boolean anyInCheckJvms = catalog.of(exercise).stream()
                .anyMatch(c -> phaseOf(c.category()).equals(TESTS) && checks.entry(c.id()).isPresent());
        if (!anyInCheckJvms) {
            return Map.of();
        }
        return byId(grade(materialize(fixture, "checks"), fixture + "/checks", FIXTURE_SEED, true, checks));
    }

    /** What the explorations and benchmarks its phases name gave {@code fixture}: those its bug concerns. */
    Map<String, CheckReport> gradeWithEngines(Fixture fixture) {
        Set<String> phases = phasesOf(fixture);
        // Only the engines' checks: the check JVMs graded the rest already (again here, they would cost their time twice).
        Rubric engines = Rubric.defaults(catalog).only(id -> fixture.concerns(id) && catalog.byId(id)
                .map(c -> phaseOf(c.category())).filter(phase -> !phase.equals(TESTS) && phases.contains(phase))
                .isPresent());
        return byId(grade(materialize(fixture, "engines"), fixture + "/engines", FIXTURE_SEED, false, engines));
    }

    /** The phases {@code fixture} is graded by: those it names, and those of the checks it must lose. */
    private Set<String> phasesOf(Fixture fixture) {
        Set<String> phases = new HashSet<>(fixture.grades());
        Stream.concat(fixture.loses().stream(), fixture.losesWhenMeasurable().stream())
                .flatMap(id -> catalog.byId(id).stream()).map(c -> phaseOf(c.category())).forEach(phases::add);
        return phases;
    }

    /** Whether the check {@code checkId} is an interleaving exploration. */
    boolean isExploration(String checkId) {
        return catalog.byId(checkId).map(c -> phaseOf(c.category())).filter(EXPLORATIONS::equals).isPresent();
    }

    /** The rubric of every check of the pack's exercise, as a student's grading has it. */
    Rubric rubric() {
        return Rubric.defaults(catalog);
    }

    /** A folder of this verification's scratch space. */
    Path scratch(String name) {
        return work.resolve(name);
    }

    private static String phaseOf(Category category) {
        return switch (category) {
            case INTERLEAVINGS -> EXPLORATIONS;
            case PERFORMANCE -> BENCHMARKS;
            default -> TESTS;
        };
    }

    private Path materialize(Fixture fixture, String part) {
        try {
            return fixture.materialize(pack.solution(), work.resolve("fixtures").resolve(fixture.toString()).resolve(part));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One grading of {@code sources} as the pack's exercise, in a work folder named after {@code label}. */
    ExerciseReport grade(Path sources, String label, long seed, boolean quick, Rubric rubric) {
        Path workDir = work.resolve("gradings").resolve(label);
        GradeRequest request = new GradeRequest(sources, label.replace('/', '-'), Set.of(exercise), seed, quick, rubric,
                workDir, GradeRequest.DEFAULT_EXERCISE_BUDGET, workDir.resolve("artifacts"), sandbox);
        return engine.grade(request).exercises().get(0);
    }

    private List<Fixture> readFixtures() {
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

    private static List<String> contractDrift(ExerciseReport report, String what) {
        return report.apiDrift().isEmpty() ? List.of()
                : List.of("the " + what + " does not match the contract: " + String.join("; ", report.apiDrift()));
    }

    private static Map<String, CheckReport> byId(ExerciseReport report) {
        return report.checks().stream().collect(Collectors.toMap(CheckReport::id, Function.identity()));
    }

    private static String points(ExerciseReport report) {
        return Points.of(report.score(), report.maxScore()) + " points";
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
