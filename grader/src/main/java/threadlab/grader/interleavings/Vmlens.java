package threadlab.grader.interleavings;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import threadlab.grader.sandbox.ChildProcess;

/**
 * vmlens 1.2.17, driven without Maven: {@link #setUp} extracts an agent for each JVM run of scenarios,
 * {@link #analyze} turns what that run recorded into verdicts and an HTML report. Both steps run in a JVM of their
 * own, with a time limit.
 */
public final class Vmlens {

    private static final String RESOURCES = "/threadlab/grader/interleavings/";
    private static final Duration SETUP_LIMIT = Duration.ofSeconds(30);

    private final List<Path> toolClasspath;

    private Vmlens(List<Path> toolClasspath) {
        this.toolClasspath = toolClasspath;
    }

    /**
     * vmlens as the build of the grader placed it ({@code vmlens-classpath.txt}, the unpacked agent jars), or
     * empty if the build did not (the interleaving checks are then skipped with a message).
     */
    public static Optional<Vmlens> fromBuild(List<Path> graderClasspath) {
        List<Path> classpath = new ArrayList<>(buildPaths());
        if (classpath.isEmpty()) {
            return Optional.empty();
        }
        classpath.addAll(graderClasspath);
        return classpath.stream().allMatch(Files::exists) ? Optional.of(new Vmlens(classpath)) : Optional.empty();
    }

    /**
     * Where the build of the grader placed vmlens: its own class path and the folder of its agent jars (empty if
     * the build did not). A sandbox that runs the grader must offer them at the same paths.
     */
    public static List<Path> buildPaths() {
        try (InputStream cp = Vmlens.class.getResourceAsStream(RESOURCES + "vmlens-classpath.txt");
             InputStream props = Vmlens.class.getResourceAsStream(RESOURCES + "vmlens.properties")) {
            if (cp == null || props == null) {
                return List.of();
            }
            Properties properties = new Properties();
            properties.load(props);
            List<Path> classpath = new ArrayList<>();
            for (String entry : new String(cp.readAllBytes(), StandardCharsets.UTF_8).strip().split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    classpath.add(Path.of(entry));
                }
            }
            classpath.add(Path.of(properties.getProperty("agentLib")));
            return List.copyOf(classpath);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Agents set up in {@code agentDirs}, one per JVM run: the JVM argument that records it, and where its events go. */
    public List<Agent> setUp(List<Path> agentDirs, Path workDir) throws IOException {
        Path output = workDir.resolve("vmlens-setup.txt");
        List<String> args = new ArrayList<>(List.of("setup"));
        agentDirs.forEach(d -> args.add(d.toString()));
        int exit = runTool(SETUP_LIMIT, output, args.toArray(String[]::new));
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            if (lines.get(i).startsWith("-javaagent:")) {
                agents.add(new Agent(lines.get(i), Path.of(lines.get(i + 1))));
            }
        }
        if (exit != 0 || agents.size() != agentDirs.size()) {
            throw new IOException("vmlens could not set up its agent (exit code " + exit + "): " + String.join("\n", lines));
        }
        return agents;
    }

    /**
     * Analyses the events of the runs, writing each run's HTML report to the folder given for its agent;
     * never throws: a failure is reported in the analysis.
     */
    public VmlensAnalysis analyze(Map<Agent, Path> reportDirs, Path workDir, Duration limit) {
        Path json = workDir.resolve("vmlens-analysis.json");
        Path output = workDir.resolve("vmlens-analysis.log");
        List<String> args = new ArrayList<>(List.of("analyze", json.toString()));
        try {
            for (Map.Entry<Agent, Path> run : reportDirs.entrySet()) {
                Files.createDirectories(run.getValue());
                args.add(run.getKey().eventDir().toString());
                args.add(run.getValue().toString());
            }
            int exit = runTool(limit, output, args.toArray(String[]::new));
            if (exit != 0 || !Files.exists(json)) {
                String why = exit == -1 ? "did not finish within " + limit.toSeconds() + " s" : "failed (exit code " + exit + ")";
                return VmlensAnalysis.failed("vmlens' analysis of the recorded interleavings " + why + ": "
                        + lastLines(output));
            }
            Map<String, ExploredScenario> scenarios = new ObjectMapper().readValue(json.toFile(),
                    new TypeReference<Map<String, ExploredScenario>>() { });
            return new VmlensAnalysis(scenarios, null);
        } catch (IOException e) {
            return VmlensAnalysis.failed("vmlens' analysis could not run: " + e.getMessage());
        }
    }

    /** Runs the tool; its exit code, or -1 if it was killed at {@code limit}. */
    private int runTool(Duration limit, Path output, String... args) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-Xmx1g", "-cp",
                String.join(File.pathSeparator, toolClasspath.stream().map(Path::toString).toList()),
                VmlensTool.class.getName()));
        arguments.addAll(List.of(args));
        ChildProcess.Ended ended = ChildProcess.of(ChildProcess.java(arguments)).stdout(output).timeLimit(limit).run();
        return ended.timedOut() ? -1 : ended.exitCode();
    }

    private static String lastLines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The vmlens agent of one JVM run.
     *
     * @param jvmArgument the {@code -javaagent:} argument
     * @param eventDir    where the agent records events
     */
    public record Agent(String jvmArgument, Path eventDir) {
    }
}
