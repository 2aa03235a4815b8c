package threadlab.grader.host;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/** One exploration engine's share of the {@code interleavings} phase: its scenarios of an exercise, explored and judged. */
interface ScenarioExploration {

    /** An outcome for each of {@code scenarios} (none empty), within the phase's {@code deadline} ({@code nanoTime}). */
    Map<String, CheckOutcome> explore(ExerciseRun run, List<CheckDefinition> scenarios, long deadline);

    /** The engine's name, as the progress display shows its steps. */
    String engine();

    static Duration timeLeft(long deadline) {
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The same kind of outcome for every scenario. */
    static Map<String, CheckOutcome> all(List<CheckDefinition> scenarios, Function<String, CheckOutcome> outcome) {
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
        scenarios.forEach(s -> outcomes.put(s.id(), outcome.apply(s.id())));
        return outcomes;
    }

    /** A scenario this build of the grader cannot explore: the engine is missing. */
    static CheckOutcome notRun(String id, String engine) {
        return new CheckOutcome(id, CheckStatus.ERROR, Reason.GRADER_ERROR, "Not run: this build of the grader has no "
                + engine + " (rebuild it with ./mvnw -pl grader -am compile).", 0);
    }
}
