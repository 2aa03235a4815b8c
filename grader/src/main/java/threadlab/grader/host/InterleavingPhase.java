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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import threadlab.grader.api.Category;
import threadlab.grader.api.Explorer;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.interleavings.Lincheck;
import threadlab.grader.interleavings.Vmlens;
import threadlab.grader.sandbox.LocalContainment;

/**
 * The {@code interleavings} checks, each explored by the engine it names ({@link LincheckExploration},
 * {@link VmlensExploration}; neither shares a JVM with JaCoCo), within one time budget per exercise.
 *
 * <p>The two engines explore side by side where the containment allows two JVMs at once: each scenario JVM keeps one
 * core busy (first JIT tier only, {@link CheckJvmSetup#scenarios}), and the phase takes about as long as the slower
 * engine instead of both together.
 */
final class InterleavingPhase implements Phase {

    private static final Duration BUDGET = Duration.ofSeconds(90);

    private final Map<Explorer, ScenarioExploration> engines = new EnumMap<>(Explorer.class);
    private final boolean sideBySide;

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
        this.sideBySide = containment.map(LocalContainment::allowsConcurrentRuns).orElse(true);
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
        long modelChecked = scenarios(run, Explorer.LINCHECK).size();
        return "exploring " + run.claimed().size() + " interleaving scenarios (" + (run.claimed().size() - modelChecked)
                + " with vmlens, " + modelChecked + " with Lincheck)";
    }

    @Override
    public PhaseResult run(ExerciseRun run) {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        List<Callable<Map<String, CheckOutcome>>> explorations = new ArrayList<>();
        engines.forEach((explorer, engine) -> {
            List<CheckDefinition> scenarios = scenarios(run, explorer);
            if (!scenarios.isEmpty()) {
                explorations.add(() -> engine.explore(run, scenarios, deadline));
            }
        });
        Map<String, CheckOutcome> verdicts = new LinkedHashMap<>();
        explored(explorations).forEach(verdicts::putAll);
        Map<String, CheckOutcome> ordered = new LinkedHashMap<>();
        run.claimed().forEach(c -> ordered.put(c.id(), verdicts.get(c.id())));
        return PhaseResult.of(ordered);
    }

    /** Each engine's verdicts, explored one after the other or side by side; an engine's own failure propagates. */
    private List<Map<String, CheckOutcome>> explored(List<Callable<Map<String, CheckOutcome>>> explorations) {
        ExecutorService executor = sideBySide && explorations.size() > 1
                ? Executors.newFixedThreadPool(explorations.size()) : Executors.newSingleThreadExecutor();
        try {
            List<Map<String, CheckOutcome>> results = new ArrayList<>();
            for (Future<Map<String, CheckOutcome>> exploration : executor.invokeAll(explorations)) {
                results.add(exploration.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while exploring interleavings", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("exploring interleavings failed", e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    private static List<CheckDefinition> scenarios(ExerciseRun run, Explorer explorer) {
        return run.claimed().stream().filter(c -> c.explorer() == explorer).toList();
    }
}
