package threadlab.grader.interleavings;

import java.nio.file.Path;
import java.util.List;

/**
 * What vmlens found for one scenario (one {@code AllInterleavings} loop, named by the check's id).
 *
 * @param name         the scenario's name: the check id
 * @param interleavings how many interleavings vmlens explored
 * @param result       vmlens' own summary, e.g. {@code Data race, Blocked} or {@code Maximum Iterations Reached}
 * @param races        the accesses vmlens flagged as data races, in the order of the trace it shows
 * @param reportPage   the page of vmlens' HTML report showing the trace: a path, absolute or relative to the output folder
 */
public record ExploredScenario(String name, int interleavings, String result, List<RaceAccess> races, String reportPage) {

    public ExploredScenario {
        races = List.copyOf(races);
    }

    /**
     * The same scenario with its report page named relative to {@code folder} (the grading's output folder), so that
     * the link in a message still works where the folder is copied: a CI artifact, Gradescope, another machine.
     */
    public ExploredScenario withPageRelativeTo(Path folder) {
        if (reportPage == null || !Path.of(reportPage).isAbsolute() || !Path.of(reportPage).startsWith(folder)) {
            return this;
        }
        return new ExploredScenario(name, interleavings, result, races,
                folder.relativize(Path.of(reportPage)).toString().replace('\\', '/'));
    }

    /** vmlens' own verdict that it stopped at its bound on interleavings before exploring them all. */
    public boolean reachedIterationLimit() {
        return result != null && result.contains("Maximum Iterations Reached");
    }
}
