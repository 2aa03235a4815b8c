package threadlab.grader.host;

import java.nio.file.Path;
import java.util.List;

/**
 * What a phase adds to the check JVMs it starts: JVM options (an agent, module flags) and class path entries that
 * go before the student's classes (an exploration engine's jars).
 */
record CheckJvmSetup(List<String> options, List<Path> classpath) {

    CheckJvmSetup {
        options = List.copyOf(options);
        classpath = List.copyOf(classpath);
    }

    /** Plain check JVMs. */
    static CheckJvmSetup none() {
        return new CheckJvmSetup(List.of(), List.of());
    }

    /** Check JVMs that run {@code javaAgentArgument} (a {@code -javaagent:} option). */
    static CheckJvmSetup agent(String javaAgentArgument) {
        return new CheckJvmSetup(List.of(javaAgentArgument), List.of());
    }
}
