package threadlab.grader.interleavings;

import java.util.Map;
import java.util.Optional;

/**
 * vmlens' verdicts for the scenarios of one JVM run, read from its trace.
 *
 * @param scenarios  by scenario name (the check id)
 * @param error      why the trace could not be analysed, or {@code null}; every race verdict is then inconclusive
 */
public record VmlensAnalysis(Map<String, ExploredScenario> scenarios, String error) {

    public VmlensAnalysis {
        scenarios = Map.copyOf(scenarios);
    }

    static VmlensAnalysis failed(String error) {
        return new VmlensAnalysis(Map.of(), error);
    }

    public Optional<ExploredScenario> scenario(String name) {
        return Optional.ofNullable(scenarios.get(name));
    }
}
