package threadlab.grader.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import threadlab.grader.api.Category;
import threadlab.grader.api.Explorer;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.interleavings.Lincheck;
import threadlab.grader.interleavings.Vmlens;
import threadlab.grader.sandbox.LocalContainment;

/**
 * The {@code interleavings} checks, each explored by the engine it names ({@link LincheckExploration},
 * {@link VmlensExploration}; neither shares a JVM with JaCoCo).
 *
 * <p>An engine's share of an exercise (Lincheck's one JVM, or vmlens' scenario JVMs one after the other) is a job
 * that holds one core while it runs: each scenario JVM keeps one core busy (first JIT tier only,
 * {@link CheckJvmSetup#scenarios}). The jobs of every exercise queue for the machine's cores together
 * ({@link #runsExercisesTogether()}), so the phase takes about as long as all jobs divided by the cores, instead of
 * the slower engine of each exercise added up. Each job has its time budget from when it gets its core.
 */
final class InterleavingPhase implements Phase {

    private static final Duration BUDGET = Duration.ofSeconds(90);

    private final Map<Explorer, ScenarioExploration> engines = new EnumMap<>(Explorer.class);
    private final Cores cores;

    /**
     * @param vmlens      the data-race explorer, or empty when this build of the grader has none
     * @param lincheck    the model checker, or empty when this build of the grader has none
     * @param containment how scenario JVMs are contained beyond their own process, where this machine allows it
     */
    InterleavingPhase(List<Path> harnessClasspath, Optional<Vmlens> vmlens, Optional<Lincheck> lincheck,
            Optional<LocalContainment> containment) {
        List<Path> harness = List.copyOf(harnessClasspath);
        engines.put(Explorer.LINCHECK, new LincheckExploration(harness, lincheck, containment));
        engines.put(Explorer.VMLENS, new VmlensExploration(harness, vmlens, containment));
        this.cores = Cores.of(containment);
    }

    @Override
    public boolean runsExercisesTogether() {
        return true;
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
    public String name() {
        return "interleavings";
    }

    @Override
    public String describe(ExerciseRun run) {
        int all = run.claimed().size();
        int modelChecked = scenarios(run, Explorer.LINCHECK).size();
        List<String> engines = new ArrayList<>();
        if (all > modelChecked) {
            engines.add((all - modelChecked) + " with vmlens");
        }
        if (modelChecked > 0) {
            engines.add(modelChecked + " with Lincheck");
        }
        return "exploring " + all + " interleaving scenario" + (all == 1 ? "" : "s") + " (" + String.join(", ", engines)
                + ")";
    }

    @Override
    public PhaseResult run(ExerciseRun run) {
        List<Callable<Map<String, CheckOutcome>>> jobs = new ArrayList<>();
        engines.forEach((explorer, engine) -> {
            List<CheckDefinition> scenarios = scenarios(run, explorer);
            if (!scenarios.isEmpty()) {
                jobs.add(() -> cores.onOne(() -> explore(engine, run, scenarios)));
            }
        });
        Map<String, CheckOutcome> verdicts = new LinkedHashMap<>();
        Concurrently.all(jobs, "exploring interleavings").forEach(verdicts::putAll);
        Map<String, CheckOutcome> ordered = new LinkedHashMap<>();
        run.claimed().forEach(c -> ordered.put(c.id(), verdicts.get(c.id())));
        return PhaseResult.of(ordered);
    }

    /** One engine's job: its scenarios of the exercise, within the job's budget from now. */
    private static Map<String, CheckOutcome> explore(ScenarioExploration engine, ExerciseRun run,
            List<CheckDefinition> scenarios) {
        try {
            return engine.explore(run, scenarios, System.nanoTime() + BUDGET.toNanos());
        } finally {
            run.engineDone(engine.engine()); // its last step would otherwise show as running while others' jobs go on
        }
    }

    private static List<CheckDefinition> scenarios(ExerciseRun run, Explorer explorer) {
        return run.claimed().stream().filter(c -> c.explorer() == explorer).toList();
    }
}
