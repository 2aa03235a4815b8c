package threadlab.grader.coverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IClassCoverage;
import org.jacoco.core.analysis.ICounter;
import org.jacoco.core.analysis.ILine;
import org.jacoco.core.analysis.IMethodCoverage;
import org.jacoco.core.tools.ExecFileLoader;
import threadlab.grader.report.CoverageReport;

/**
 * Measures, with the JaCoCo agent, which parts of the student's code the checks ran, and lists what
 * they never reached: a hint of untested paths, never a score.
 */
public final class CoverageProbe {

    private static final int MAX_GAPS = 15;

    private final Path agentJar;

    private CoverageProbe(Path agentJar) {
        this.agentJar = agentJar;
    }

    /** A probe using the JaCoCo agent found on {@code classpath}; empty if it is not there. */
    public static Optional<CoverageProbe> fromClasspath(List<Path> classpath) {
        return classpath.stream()
                .filter(p -> p.getFileName().toString().startsWith("org.jacoco.agent") && p.toString().endsWith("-runtime.jar"))
                .findFirst()
                .map(CoverageProbe::new);
    }

    /** The same probe, its agent taken from where {@code relocate} puts it (a contained JVM's readable copy). */
    public CoverageProbe relocated(java.util.function.UnaryOperator<Path> relocate) {
        return new CoverageProbe(relocate.apply(agentJar));
    }

    /** The JVM argument that records coverage of {@code javaPackage} into {@code execFile}. */
    public String jvmArgument(String javaPackage, Path execFile) {
        return "-javaagent:" + agentJar + "=destfile=" + execFile + ",append=true,includes=" + javaPackage + ".*"
                + ",excludes=threadlab.grader.*,jmx=false";
    }

    /** What the recorded runs reached of the classes in {@code classesDir}; sources give line text. */
    public static CoverageReport analyze(Path execFile, Path classesDir, List<Path> sources) {
        ExecFileLoader loader = new ExecFileLoader();
        CoverageBuilder builder = new CoverageBuilder();
        try {
            if (Files.exists(execFile)) {
                loader.load(execFile.toFile());
            }
            new Analyzer(loader.getExecutionDataStore(), builder).analyzeAll(classesDir.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> sourceLines = readSources(sources);
        int linesCovered = 0;
        int linesTotal = 0;
        int branchesCovered = 0;
        int branchesTotal = 0;
        List<String> gaps = new ArrayList<>();
        for (IClassCoverage type : builder.getClasses()) {
            linesCovered += type.getLineCounter().getCoveredCount();
            linesTotal += type.getLineCounter().getTotalCount();
            branchesCovered += type.getBranchCounter().getCoveredCount();
            branchesTotal += type.getBranchCounter().getTotalCount();
            List<String> lines = sourceLines.getOrDefault(type.getSourceFileName(), List.of());
            for (IMethodCoverage method : type.getMethods()) {
                gaps.addAll(gapsOf(simpleName(type), method, lines));
            }
        }
        List<String> shown = gaps.size() <= MAX_GAPS ? gaps : new ArrayList<>(gaps.subList(0, MAX_GAPS));
        if (gaps.size() > MAX_GAPS) {
            shown.add("... and " + (gaps.size() - MAX_GAPS) + " more");
        }
        return new CoverageReport(linesCovered, linesTotal, branchesCovered, branchesTotal, shown);
    }

    private static List<String> gapsOf(String type, IMethodCoverage method, List<String> lines) {
        List<String> gaps = new ArrayList<>();
        String name = type + "." + (method.getName().equals("<init>") ? type : method.getName());
        if (method.getName().startsWith("lambda$") || method.getLineCounter().getTotalCount() == 0) {
            return gaps;
        }
        if (method.getMethodCounter().getCoveredCount() == 0) {
            gaps.add(name + " (line " + method.getFirstLine() + "): never ran");
            return gaps;
        }
        for (int nr = method.getFirstLine(); nr <= method.getLastLine(); nr++) {
            ILine line = method.getLine(nr);
            ICounter branches = line.getBranchCounter();
            if (line.getInstructionCounter().getStatus() == ICounter.NOT_COVERED) {
                gaps.add(name + ", line " + nr + ": never ran" + text(lines, nr));
            } else if (branches.getMissedCount() > 0) {
                gaps.add(name + ", line " + nr + ": " + branches.getMissedCount() + " of " + branches.getTotalCount()
                        + " branches never taken" + text(lines, nr));
            }
        }
        return gaps;
    }

    private static String text(List<String> lines, int nr) {
        return nr >= 1 && nr <= lines.size() ? ": " + lines.get(nr - 1).strip() : "";
    }

    private static String simpleName(IClassCoverage type) {
        String name = type.getName();
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static Map<String, List<String>> readSources(List<Path> sources) {
        Map<String, List<String>> byName = new HashMap<>();
        for (Path source : sources) {
            try {
                byName.put(source.getFileName().toString(), Files.readAllLines(source, StandardCharsets.UTF_8));
            } catch (IOException e) {
                // line text is a nicety; the gap is still reported
            }
        }
        return byName;
    }
}
