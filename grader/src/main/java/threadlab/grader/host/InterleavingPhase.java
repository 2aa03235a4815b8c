package threadlab.grader.host;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import threadlab.grader.api.Category;
import threadlab.grader.api.Explorer;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.interleavings.ExploredScenario;
import threadlab.grader.interleavings.Lincheck;
import threadlab.grader.interleavings.RaceAccess;
import threadlab.grader.interleavings.RaceCorroboration;
import threadlab.grader.interleavings.Vmlens;
import threadlab.grader.interleavings.VmlensAnalysis;
import threadlab.grader.sandbox.LocalContainment;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/**
 * The {@code interleavings} checks, each explored by the engine it names: Lincheck's scenarios in one JVM of their
 * own, vmlens' in one JVM each (neither engine can share a JVM with JaCoCo), then the engines' findings turned into
 * outcomes by {@link InterleavingVerdicts}.
 */
final class InterleavingPhase implements Phase {

    private static final Duration BUDGET = Duration.ofSeconds(90);
    private static final Duration ANALYSIS_LIMIT = Duration.ofSeconds(60);

    private final List<Path> harnessClasspath;
    private final Optional<Vmlens> vmlens;
    private final Optional<Lincheck> lincheck;
    private final Optional<LocalContainment> containment;

    /**
     * @param vmlens      the data-race explorer, or empty when this build of the grader has none
     * @param lincheck    the model checker, or empty when this build of the grader has none
     * @param containment how scenario JVMs are contained beyond their own process, where this machine allows it
     */
    InterleavingPhase(List<Path> harnessClasspath, Optional<Vmlens> vmlens, Optional<Lincheck> lincheck,
            Optional<LocalContainment> containment) {
        this.harnessClasspath = List.copyOf(harnessClasspath);
        this.vmlens = vmlens;
        this.lincheck = lincheck;
        this.containment = containment;
    }

    @Override
    public boolean claims(CheckDefinition check) {
        return check.category() == Category.INTERLEAVINGS;
    }

    @Override
    public boolean runsWhenQuick() {
        return false;
    }

    @Override
    public String describe(ExerciseRun run) {
        long modelChecked = run.claimed().stream().filter(c -> c.explorer() == Explorer.LINCHECK).count();
        return "exploring " + run.claimed().size() + " interleaving scenarios (" + (run.claimed().size() - modelChecked)
                + " with vmlens, " + modelChecked + " with Lincheck)";
    }

    @Override
    public PhaseResult run(ExerciseRun run) {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        Map<String, CheckOutcome> verdicts = new LinkedHashMap<>();
        verdicts.putAll(modelCheck(run, engine(run, Explorer.LINCHECK), deadline));
        verdicts.putAll(exploreWithVmlens(run, engine(run, Explorer.VMLENS), deadline));
        Map<String, CheckOutcome> ordered = new LinkedHashMap<>();
        run.claimed().forEach(c -> ordered.put(c.id(), verdicts.get(c.id())));
        return PhaseResult.of(ordered);
    }

    private static List<CheckDefinition> engine(ExerciseRun run, Explorer explorer) {
        return run.claimed().stream().filter(c -> c.explorer() == explorer).toList();
    }

    /** Lincheck's scenarios: all in one JVM (Lincheck explores one at a time), without any other agent. */
    private Map<String, CheckOutcome> modelCheck(ExerciseRun run, List<CheckDefinition> scenarios, long deadline) {
        if (scenarios.isEmpty()) {
            return Map.of();
        }
        if (lincheck.isEmpty()) {
            return all(scenarios, id -> notRun(id, "this build of the grader has no Lincheck"));
        }
        CheckJvmSetup setup = CheckJvmSetup.scenarios(lincheck.get().jvmOptions(run.exercise()), lincheck.get().classpath());
        IsolatedCheckRun checkRun = new IsolatedCheckRun(harnessClasspath, run.classes(), run.folder("model-checking"),
                run.request().seed(), setup, containment);
        boolean correctnessPassed = run.correctnessPassed();
        Map<String, CheckOutcome> verdicts = new LinkedHashMap<>();
        checkRun.run(scenarios, timeLeft(deadline)).forEach(outcome -> verdicts.put(outcome.checkId(),
                InterleavingVerdicts.modelChecked(outcome, correctnessPassed)));
        return verdicts;
    }

    private Map<String, CheckOutcome> exploreWithVmlens(ExerciseRun run, List<CheckDefinition> scenarios, long deadline) {
        if (scenarios.isEmpty()) {
            return Map.of();
        }
        Optional<CheckOutcome> spinning = run.earlier().values().stream()
                .filter(o -> o.reason() == Reason.BUSY_WAITING).findFirst();
        if (spinning.isPresent()) {
            return all(scenarios, id -> InterleavingVerdicts.busyWaiting(id, spinning.get().checkId()));
        }
        if (vmlens.isEmpty()) {
            return all(scenarios, id -> notRun(id, "this build of the grader has no vmlens"));
        }
        Path work = run.folder("interleavings");
        // One JVM and one agent per scenario: a scenario that hangs or kills its JVM cannot cost the others their
        // race verdicts (vmlens names its scenarios only when the JVM ends normally).
        List<Vmlens.Agent> agents;
        try {
            agents = vmlens.get().setUp(scenarios.stream().map(c -> work.resolve(c.id()).resolve("agent")).toList(), work);
        } catch (IOException e) {
            return all(scenarios, id -> new CheckOutcome(id, CheckStatus.ERROR, Reason.GRADER_ERROR,
                    "Not run: " + e.getMessage(), 0));
        }
        containment.ifPresent(c -> c.giveToStudent(work)); // the agents record their events there
        Path reportDir = run.request().artifactsDir().resolve("vmlens").resolve(run.exercise().id());
        Map<String, CheckOutcome> explored = new LinkedHashMap<>();
        Map<Vmlens.Agent, Path> reports = new LinkedHashMap<>();
        for (int i = 0; i < scenarios.size(); i++) {
            CheckDefinition scenario = scenarios.get(i);
            IsolatedCheckRun checkRun = new IsolatedCheckRun(harnessClasspath, run.classes(), work.resolve(scenario.id()),
                    run.request().seed(), CheckJvmSetup.scenarios(List.of(agents.get(i).jvmArgument()), List.of()),
                    containment);
            explored.put(scenario.id(), checkRun.run(List.of(scenario), timeLeft(deadline)).get(0));
            reports.put(agents.get(i), reportDir.resolve(scenario.id()));
        }
        VmlensAnalysis analysis = vmlens.get().analyze(reports, work, ANALYSIS_LIMIT);
        RaceCorroboration corroboration = RaceCorroboration.of(run.classes());
        boolean correctnessPassed = run.correctnessPassed();
        Map<String, CheckOutcome> verdicts = new LinkedHashMap<>();
        for (CheckDefinition scenario : scenarios) {
            Optional<ExploredScenario> found = analysis.scenario(scenario.id());
            List<RaceAccess> confirmed = found.map(s -> corroboration.unguarded(s.races())).orElse(List.of());
            verdicts.put(scenario.id(), InterleavingVerdicts.verdict(explored.get(scenario.id()), found, analysis.error(),
                    confirmed, correctnessPassed));
        }
        return verdicts;
    }

    private static Duration timeLeft(long deadline) {
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static CheckOutcome notRun(String id, String why) {
        return new CheckOutcome(id, CheckStatus.ERROR, Reason.GRADER_ERROR, "Not run: " + why
                + " (rebuild it with ./mvnw -pl grader -am compile).", 0);
    }

    private static Map<String, CheckOutcome> all(List<CheckDefinition> scenarios, Function<String, CheckOutcome> outcome) {
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
        scenarios.forEach(s -> outcomes.put(s.id(), outcome.apply(s.id())));
        return outcomes;
    }
}
