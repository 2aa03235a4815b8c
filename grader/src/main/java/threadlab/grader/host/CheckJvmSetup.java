package threadlab.grader.host;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import threadlab.grader.harness.ForkMain;
import threadlab.grader.harness.ScenarioMain;

/**
 * How a phase starts its check JVMs: the harness's main class that runs the checks ({@link ForkMain} on the JUnit
 * Platform, or the lean {@link ScenarioMain} for exploration scenarios), JVM options (an agent, module flags), and
 * class path entries that go before the student's classes (an exploration engine's jars).
 */
record CheckJvmSetup(Class<?> mainClass, List<String> options, List<Path> classpath) {

    private static final String FIRST_TIER_ONLY = "-XX:TieredStopAtLevel=1";
    /**
     * No {@code hsperfdata} file: two scenario JVMs side by side, each pid 1 in a PID namespace of its own, would
     * share {@code /tmp/hsperfdata_nobody/1}, and the JVM prints a warning about it into the student's output.
     */
    private static final String NO_PERF_DATA = "-XX:-UsePerfData";

    CheckJvmSetup {
        options = List.copyOf(options);
        classpath = List.copyOf(classpath);
    }

    /** Plain check JVMs. */
    static CheckJvmSetup none() {
        return new CheckJvmSetup(ForkMain.class, List.of(), List.of());
    }

    /** Check JVMs that run {@code javaAgentArgument} (a {@code -javaagent:} option). */
    static CheckJvmSetup agent(String javaAgentArgument) {
        return new CheckJvmSetup(ForkMain.class, List.of(javaAgentArgument), List.of());
    }

    /**
     * Scenario JVMs: the lean runner, with these options and engine jars, compiled by the JIT's first tier only. An
     * engine's instrumented code keeps the optimizing compiler busy on a core of its own for most of a scenario JVM's
     * few seconds; without it a scenario JVM starts about a third sooner (measured here: 8.1 s to 6.0 s for one
     * Lincheck scenario) and needs one core, not two.
     */
    static CheckJvmSetup scenarios(List<String> options, List<Path> classpath) {
        List<String> all = new ArrayList<>(List.of(FIRST_TIER_ONLY, NO_PERF_DATA));
        all.addAll(options);
        return new CheckJvmSetup(ScenarioMain.class, all, classpath);
    }
}
