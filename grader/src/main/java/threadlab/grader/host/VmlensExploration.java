package threadlab.grader.host;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * vmlens' scenarios of an exercise: one JVM and one agent each, then vmlens' analysis of what the agents recorded,
 * the races it reports corroborated in the bytecode ({@link RaceCorroboration}), and the verdicts of
 * {@link InterleavingVerdicts#verdict}. Not run when the exercise's blocking checks found busy waiting: vmlens
 * never ends exploring a spin loop.
 */
final class VmlensExploration implements ScenarioExploration {

    private static final Duration ANALYSIS_LIMIT = Duration.ofSeconds(60);

    private final List<Path> harnessClasspath;
    private final Optional<Vmlens> vmlens;
    private final Optional<LocalContainment> containment;

    /** @param vmlens the data-race explorer, or empty when this build of the grader has none */
    VmlensExploration(List<Path> harnessClasspath, Optional<Vmlens> vmlens, Optional<LocalContainment> containment) {
        this.harnessClasspath = harnessClasspath;
        this.vmlens = vmlens;
        this.containment = containment;
    }

    @Override
    public Map<String, CheckOutcome> explore(ExerciseRun run, List<CheckDefinition> scenarios, long deadline) {
        Optional<CheckOutcome> spinning = run.earlier().values().stream()
                .filter(o -> o.reason() == Reason.BUSY_WAITING).findFirst();
        if (spinning.isPresent()) {
            return ScenarioExploration.all(scenarios, id -> InterleavingVerdicts.busyWaiting(id, spinning.get().checkId()));
        }
        if (vmlens.isEmpty()) {
            return ScenarioExploration.all(scenarios, id -> ScenarioExploration.notRun(id, engine()));
        }
        Path work = run.folder("interleavings");
        // One JVM and one agent per scenario: a scenario that hangs or kills its JVM cannot cost the others their
        // race verdicts (vmlens names its scenarios only when the JVM ends normally).
        List<Vmlens.Agent> agents;
        try {
            agents = vmlens.get().setUp(scenarios.stream().map(c -> work.resolve(c.id()).resolve("agent")).toList(), work);
        } catch (IOException e) {
            return ScenarioExploration.all(scenarios, id -> new CheckOutcome(id, CheckStatus.ERROR, Reason.GRADER_ERROR,
                    "Not run: " + e.getMessage(), 0));
        }
        containment.ifPresent(c -> c.giveToStudent(work)); // the agents record their events there
        Path reportDir = run.request().artifactsDir().resolve("vmlens").resolve(run.exercise().id());
        Map<String, CheckOutcome> explored = new LinkedHashMap<>();
        Map<Vmlens.Agent, Path> reports = new LinkedHashMap<>();
        for (int i = 0; i < scenarios.size(); i++) {
            CheckDefinition scenario = scenarios.get(i);
            run.step(engine(), "explores " + scenario.id());
            IsolatedCheckRun checkRun = new IsolatedCheckRun(harnessClasspath, run.exercise(), run.classes(),
                    work.resolve(scenario.id()), run.request().seed(), CheckJvmSetup.scenarios(List.of(agents.get(i).jvmArgument()), List.of()),
                    containment);
            explored.put(scenario.id(), checkRun.run(List.of(scenario), ScenarioExploration.timeLeft(deadline)).get(0));
            reports.put(agents.get(i), reportDir.resolve(scenario.id()));
        }
        return judged(run, explored, vmlens.get().analyze(reports, work, ANALYSIS_LIMIT));
    }

    @Override
    public String engine() {
        return "vmlens";
    }

    /** Each scenario's outcome, with vmlens' analysis of it and the races the bytecode confirms. */
    private static Map<String, CheckOutcome> judged(ExerciseRun run, Map<String, CheckOutcome> explored,
            VmlensAnalysis analysis) {
        RaceCorroboration corroboration = RaceCorroboration.of(run.classes());
        boolean correctnessPassed = run.correctnessPassed();
        Map<String, CheckOutcome> verdicts = new LinkedHashMap<>();
        Path outputFolder = run.request().artifactsDir();
        explored.forEach((id, outcome) -> {
            Optional<ExploredScenario> found = analysis.scenario(id).map(s -> s.withPageRelativeTo(outputFolder));
            List<RaceAccess> confirmed = found.map(s -> corroboration.unguarded(s.races())).orElse(List.of());
            verdicts.put(id, InterleavingVerdicts.verdict(outcome, found, analysis.error(), confirmed, correctnessPassed));
        });
        return verdicts;
    }
}
