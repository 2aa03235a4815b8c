package threadlab.grader.host;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.interleavings.Lincheck;
import threadlab.grader.sandbox.LocalContainment;

/**
 * Lincheck's scenarios of an exercise: all in one JVM (Lincheck explores one at a time, and needs no other agent),
 * run by the lean {@code ScenarioMain}; their outcomes judged by {@link InterleavingVerdicts#modelChecked}.
 */
final class LincheckExploration implements ScenarioExploration {

    private final List<Path> harnessClasspath;
    private final Optional<Lincheck> lincheck;
    private final Optional<LocalContainment> containment;

    /** @param lincheck the model checker, or empty when this build of the grader has none */
    LincheckExploration(List<Path> harnessClasspath, Optional<Lincheck> lincheck, Optional<LocalContainment> containment) {
        this.harnessClasspath = harnessClasspath;
        this.lincheck = lincheck;
        this.containment = containment;
    }

    @Override
    public Map<String, CheckOutcome> explore(ExerciseRun run, List<CheckDefinition> scenarios, long deadline) {
        if (lincheck.isEmpty()) {
            return ScenarioExploration.all(scenarios, id -> ScenarioExploration.notRun(id, engine()));
        }
        CheckJvmSetup setup = CheckJvmSetup.scenarios(lincheck.get().jvmOptions(run.exercise()), lincheck.get().classpath());
        IsolatedCheckRun checkRun = new IsolatedCheckRun(harnessClasspath, run.exercise(), run.classes(),
                run.folder("model-checking"), run.request().seed(), setup, containment);
        run.step(engine(), "explores " + scenarios.stream().map(CheckDefinition::id).collect(Collectors.joining(", ")));
        boolean correctnessPassed = run.correctnessPassed();
        Map<String, CheckOutcome> verdicts = new LinkedHashMap<>();
        checkRun.run(scenarios, ScenarioExploration.timeLeft(deadline)).forEach(outcome -> verdicts.put(outcome.checkId(),
                InterleavingVerdicts.modelChecked(outcome, correctnessPassed)));
        return verdicts;
    }

    @Override
    public String engine() {
        return "Lincheck";
    }
}
