package threadlab.grader.report;

import java.util.List;

/**
 * How much of the student's code the checks ran (JaCoCo), as feedback: no points depend on it.
 *
 * @param gaps methods and branches no check reached, e.g.
 *             {@code BoundedBuffer.poll, line 57: 1 of 2 branches never taken: if (nanos <= 0)}
 */
public record CoverageReport(int linesCovered, int linesTotal, int branchesCovered, int branchesTotal,
                             List<String> gaps) {
}
