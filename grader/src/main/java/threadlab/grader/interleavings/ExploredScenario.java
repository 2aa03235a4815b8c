package threadlab.grader.interleavings;

import java.util.List;

/**
 * What vmlens found for one scenario (one {@code AllInterleavings} loop, named by the check's id).
 *
 * @param name         the scenario's name: the check id
 * @param interleavings how many interleavings vmlens explored
 * @param result       vmlens' own summary, e.g. {@code Data race, Blocked} or {@code Maximum Iterations Reached}
 * @param races        the accesses vmlens flagged as data races, in the order of the trace it shows
 * @param reportPage   the page of vmlens' HTML report showing the trace
 */
public record ExploredScenario(String name, int interleavings, String result, List<RaceAccess> races, String reportPage) {

    public ExploredScenario {
        races = List.copyOf(races);
    }

    /** vmlens' own verdict that it stopped at its bound on interleavings before exploring them all. */
    public boolean reachedIterationLimit() {
        return result != null && result.contains("Maximum Iterations Reached");
    }
}
