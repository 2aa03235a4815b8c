package threadlab.grader.interleavings;

import com.anarsoft.race.detection.main.ProcessEvents;
import com.anarsoft.race.detection.process.run.ProcessRunContextBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vmlens.setup.EventDirectoryAndArgLine;
import com.vmlens.setup.SetupAgent;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vmlens tool chain, run in a JVM of its own (its Scala and Guava stay off the grader's class path, and an
 * internal vmlens error cannot take the grader down). The same two steps the vmlens Maven plugin takes:
 *
 * <pre>
 * setup AGENT_DIR...      for each folder: extract the agent, print the JVM argument line and the event folder
 * analyze OUT_JSON (EVENT_DIR REPORT_DIR)...   turn each run's events into its HTML report; all verdicts into OUT_JSON
 * </pre>
 */
public final class VmlensTool {

    private VmlensTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("setup")) {
            for (int i = 1; i < args.length; i++) {
                EventDirectoryAndArgLine setup = new SetupAgent(new File(args[i]), "").setup();
                System.out.println(setup.argLine().strip());
                System.out.println(setup.eventDirectory().getAbsolutePath());
            }
        } else if (args.length >= 4 && args.length % 2 == 0 && args[0].equals("analyze")) {
            Map<String, ExploredScenario> scenarios = new LinkedHashMap<>();
            for (int i = 2; i < args.length; i += 2) {
                Path reportDir = Path.of(args[i + 1]);
                new ProcessEvents(Path.of(args[i]), reportDir, new ProcessRunContextBuilder().build()).process();
                List<ExploredScenario> found = VmlensReportReader.read(reportDir);
                for (ExploredScenario scenario : found) {
                    // vmlens records a scenario's name when its JVM ends normally; a JVM killed at its time limit
                    // leaves "not found (0)". One scenario per report folder, named after it, recovers the name.
                    String name = found.size() == 1 && scenario.name().startsWith("not found")
                            ? reportDir.getFileName().toString() : scenario.name();
                    scenarios.put(name, new ExploredScenario(name, scenario.interleavings(), scenario.result(),
                            scenario.races(), scenario.reportPage()));
                }
            }
            Files.writeString(Path.of(args[1]), new ObjectMapper().writeValueAsString(scenarios));
        } else {
            System.err.println("usage: setup AGENT_DIR... | analyze OUT_JSON EVENT_DIR REPORT_DIR [EVENT_DIR REPORT_DIR]...");
            System.exit(2);
        }
    }
}
