package threadlab.grader.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import threadlab.grader.api.Category;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.checks.support.Blocking;
import threadlab.grader.checks.support.Interleavings;
import threadlab.grader.interleavings.ExploredScenario;
import threadlab.grader.interleavings.RaceAccess;
import threadlab.grader.interleavings.RaceCorroboration;
import threadlab.grader.interleavings.Vmlens;
import threadlab.grader.interleavings.VmlensAnalysis;
import threadlab.grader.runner.CheckStatus;

/**
 * The {@code interleavings} checks: scenarios explored by vmlens in a JVM of their own (vmlens cannot share one
 * with JaCoCo), then vmlens' verdicts turned into outcomes. Only verdicts shown trustworthy cost points: a failed
 * assertion in an explored interleaving, and a data race confirmed by the bytecode ({@link RaceCorroboration}).
 * An unfinished exploration or an internal vmlens error is inconclusive and costs nothing.
 */
final class InterleavingPhase {

    private static final Duration BUDGET = Duration.ofSeconds(90);
    private static final Duration ANALYSIS_LIMIT = Duration.ofSeconds(60);

    private final List<Path> graderClasspath;
    private final Optional<Vmlens> vmlens;

    InterleavingPhase(List<Path> graderClasspath) {
        this.graderClasspath = graderClasspath;
        this.vmlens = Vmlens.fromBuild(graderClasspath);
    }

    static boolean explores(CheckDefinition check) {
        return check.category() == Category.INTERLEAVINGS;
    }

    /** Outcomes of {@code scenarios}; {@code earlier} are the outcomes of the exercise's other checks. */
    Map<String, CheckOutcome> run(List<CheckDefinition> scenarios, Path classes, Path work, Path reportDir,
            GradeRequest request, Map<String, CheckOutcome> earlier) {
        Optional<CheckOutcome> spinning = earlier.values().stream()
                .filter(o -> o.status() != CheckStatus.PASSED && o.message() != null && o.message().contains(Blocking.BUSY_WAITING))
                .findFirst();
        if (spinning.isPresent()) {
            return all(scenarios, CheckStatus.FAILED, "Not explored: the check " + spinning.get().checkId() + " found "
                    + "busy waiting, and vmlens cannot explore a thread that spins (the exploration never ends). Make "
                    + "waiting threads block (wait/notifyAll, a Condition, LockSupport.park), then this scenario runs.");
        }
        if (vmlens.isEmpty()) {
            return all(scenarios, CheckStatus.ERROR, "Not run: this build of the grader has no vmlens "
                    + "(rebuild it with ./mvnw -pl grader -am compile).");
        }
        // One JVM and one agent per scenario: a scenario that hangs or kills its JVM cannot cost the others their
        // race verdicts (vmlens names its scenarios only when the JVM ends normally).
        List<Vmlens.Agent> agents;
        try {
            agents = vmlens.get().setUp(scenarios.stream().map(c -> work.resolve(c.id()).resolve("agent")).toList(), work);
        } catch (IOException e) {
            return all(scenarios, CheckStatus.ERROR, "Not run: " + e.getMessage());
        }
        Map<String, CheckOutcome> explored = new LinkedHashMap<>();
        Map<Vmlens.Agent, Path> reports = new LinkedHashMap<>();
        long deadline = System.nanoTime() + BUDGET.toNanos();
        for (int i = 0; i < scenarios.size(); i++) {
            CheckDefinition scenario = scenarios.get(i);
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            IsolatedCheckRun run = new IsolatedCheckRun(graderClasspath, classes, work.resolve(scenario.id()), request.seed(),
                    Optional.of(agents.get(i).jvmArgument()));
            explored.put(scenario.id(), run.run(List.of(scenario), left.isNegative() ? Duration.ZERO : left).get(0));
            reports.put(agents.get(i), reportDir.resolve(scenario.id()));
        }
        VmlensAnalysis analysis = vmlens.get().analyze(reports, work, ANALYSIS_LIMIT);
        RaceCorroboration corroboration = RaceCorroboration.of(classes);
        Map<String, CheckOutcome> verdicts = new LinkedHashMap<>();
        for (CheckDefinition scenario : scenarios) {
            verdicts.put(scenario.id(), verdict(explored.get(scenario.id()), analysis, corroboration));
        }
        return verdicts;
    }

    private static CheckOutcome verdict(CheckOutcome outcome, VmlensAnalysis analysis, RaceCorroboration corroboration) {
        Optional<ExploredScenario> scenario = analysis.scenario(outcome.checkId());
        String where = scenario.map(InterleavingPhase::reportLink).orElse("");
        List<RaceAccess> confirmed = scenario.map(s -> corroboration.unguarded(s.races())).orElse(List.of());
        if (outcome.status() == CheckStatus.FAILED && !vmlensFailed(outcome)) {
            return outcome.with(CheckStatus.FAILED, outcome.message() + raceNote(confirmed) + where);
        }
        if (!confirmed.isEmpty()) {
            // A race the bytecode confirms is a real bug, whether or not the exploration could finish.
            return outcome.with(CheckStatus.FAILED, raceMessage(confirmed) + where);
        }
        if (outcome.status() == CheckStatus.TIMEOUT) {
            return outcome.with(CheckStatus.INCONCLUSIVE, "Inconclusive, no points lost: vmlens did not finish exploring "
                    + "this scenario in time. A thread that spins (a busy while loop on a flag) makes the exploration "
                    + "endless; if your code has one, make it block instead.");
        }
        if (vmlensFailed(outcome)) {
            return outcome.with(CheckStatus.INCONCLUSIVE, "Inconclusive, no points lost: vmlens failed internally "
                    + "while exploring this scenario (" + outcome.message() + ").");
        }
        if (outcome.status() != CheckStatus.PASSED) {
            return outcome;
        }
        if (analysis.error() != null) {
            return outcome.with(CheckStatus.INCONCLUSIVE, "Inconclusive, no points lost: every explored interleaving "
                    + "ended correctly, but the data-race analysis failed: " + analysis.error());
        }
        if (scenario.map(s -> s.result().contains("Maximum")).orElse(false)) {
            return outcome.with(CheckStatus.INCONCLUSIVE, "Inconclusive, no points lost: vmlens stopped after its maximum "
                    + "number of interleavings; all it explored ended correctly." + where);
        }
        return outcome;
    }

    private static boolean vmlensFailed(CheckOutcome outcome) {
        return outcome.message() != null && outcome.message().contains(Interleavings.VMLENS_FAILED);
    }

    private static String raceMessage(List<RaceAccess> races) {
        return "Data race on " + races.get(0).field().replace('/', '.') + ": "
                + races.stream().map(RaceAccess::describe).distinct().collect(Collectors.joining("; "))
                + ", holding no lock, while another thread accesses the same field. Without a lock (or volatile) "
                + "nothing guarantees that one thread sees the other's write: on another CPU or JIT it may read a "
                + "stale value forever. Guard every access to this field with the same lock.";
    }

    private static String raceNote(List<RaceAccess> races) {
        return races.isEmpty() ? "" : "\nvmlens also found a data race: " + raceMessage(races);
    }

    private static String reportLink(ExploredScenario scenario) {
        if (scenario.reportPage() == null) {
            return "";
        }
        return "\nvmlens explored " + scenario.interleavings() + " interleaving(s); its report shows the trace: "
                + scenario.reportPage();
    }

    private static Map<String, CheckOutcome> all(List<CheckDefinition> scenarios, CheckStatus status, String message) {
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
        scenarios.forEach(s -> outcomes.put(s.id(), new CheckOutcome(s.id(), status, message, 0)));
        return outcomes;
    }
}
