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
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.interleavings.ExploredScenario;
import threadlab.grader.interleavings.RaceAccess;
import threadlab.grader.interleavings.RaceCorroboration;
import threadlab.grader.interleavings.Vmlens;
import threadlab.grader.interleavings.VmlensAnalysis;
import threadlab.grader.sandbox.LocalContainment;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/**
 * The {@code interleavings} checks: scenarios explored by vmlens in a JVM of their own (vmlens cannot share one
 * with JaCoCo), then vmlens' verdicts turned into outcomes by {@link InterleavingVerdicts}.
 */
final class InterleavingPhase implements Phase {

    private static final Duration BUDGET = Duration.ofSeconds(90);
    private static final Duration ANALYSIS_LIMIT = Duration.ofSeconds(60);

    private final List<Path> harnessClasspath;
    private final Optional<Vmlens> vmlens;
    private final Optional<LocalContainment> containment;

    /**
     * @param vmlens      the exploration tool, or empty when this build of the grader has none
     * @param containment how scenario JVMs are contained beyond their own process, where this machine allows it
     */
    InterleavingPhase(List<Path> harnessClasspath, Optional<Vmlens> vmlens, Optional<LocalContainment> containment) {
        this.harnessClasspath = List.copyOf(harnessClasspath);
        this.vmlens = vmlens;
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
        return "exploring " + run.claimed().size() + " interleaving scenarios with vmlens";
    }

    @Override
    public PhaseResult run(ExerciseRun run) {
        List<CheckDefinition> scenarios = run.claimed();
        Optional<CheckOutcome> spinning = run.earlier().values().stream()
                .filter(o -> o.reason() == Reason.BUSY_WAITING).findFirst();
        if (spinning.isPresent()) {
            return all(scenarios, id -> InterleavingVerdicts.busyWaiting(id, spinning.get().checkId()));
        }
        if (vmlens.isEmpty()) {
            return all(scenarios, id -> new CheckOutcome(id, CheckStatus.ERROR, Reason.GRADER_ERROR, "Not run: this build "
                    + "of the grader has no vmlens (rebuild it with ./mvnw -pl grader -am compile).", 0));
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
        long deadline = System.nanoTime() + BUDGET.toNanos();
        for (int i = 0; i < scenarios.size(); i++) {
            CheckDefinition scenario = scenarios.get(i);
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            IsolatedCheckRun checkRun = new IsolatedCheckRun(harnessClasspath, run.classes(), work.resolve(scenario.id()),
                    run.request().seed(), Optional.of(agents.get(i).jvmArgument()), containment);
            explored.put(scenario.id(), checkRun.run(List.of(scenario), left.isNegative() ? Duration.ZERO : left).get(0));
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
        return PhaseResult.of(verdicts);
    }

    private static PhaseResult all(List<CheckDefinition> scenarios, Function<String, CheckOutcome> outcome) {
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
        scenarios.forEach(s -> outcomes.put(s.id(), outcome.apply(s.id())));
        return PhaseResult.of(outcomes);
    }
}
