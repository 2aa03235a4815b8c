package threadlab.grader.interleavings;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.harness.ForkMain;
import threadlab.grader.sandbox.HarnessLaunch;

/**
 * Lincheck 3.7 as the check JVMs that explore with it need it: its jars on the class path (they split a package, so
 * they cannot join the harness's module path), and the JVM options it needs to instrument the scenario.
 */
public final class Lincheck {

    /** Written by the harness's build: Lincheck and its own dependencies. */
    private static final String CLASSPATH = "/threadlab/grader/harness/lincheck-classpath.txt";

    private final List<Path> classpath;

    private Lincheck(List<Path> classpath) {
        this.classpath = classpath;
    }

    /** Lincheck as the build of the harness listed it, or empty if it did not (or a jar is gone). */
    public static Optional<Lincheck> fromBuild() {
        List<Path> classpath = buildPaths();
        return !classpath.isEmpty() && classpath.stream().allMatch(Files::exists)
                ? Optional.of(new Lincheck(classpath)) : Optional.empty();
    }

    /** Where the build placed Lincheck's jars; a sandbox that runs the grader must offer them at the same paths. */
    public static List<Path> buildPaths() {
        try (InputStream in = ForkMain.class.getResourceAsStream(CLASSPATH)) {
            if (in == null) {
                return List.of();
            }
            List<Path> classpath = new ArrayList<>();
            for (String entry : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    classpath.add(Path.of(entry));
                }
            }
            return List.copyOf(classpath);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The jars that go on the class path of a JVM that explores with Lincheck. */
    public List<Path> classpath() {
        return classpath;
    }

    /**
     * The JVM options for exploring the scenarios of {@code exercise}: the JDK modules Lincheck's agent needs
     * (instrumentation, attaching to its own JVM, {@code Unsafe}; the bytecode allowlist keeps student code away from
     * all three), the exercise's scenarios and their support opened to Lincheck (it reads the fields of the
     * scenario's lambdas; student code may not reflect at all), and, from JDK 21, loading an agent at run time.
     */
    public List<String> jvmOptions(Exercise exercise) {
        List<String> options = new ArrayList<>(List.of("--add-modules", "java.instrument,jdk.attach,jdk.unsupported",
                "--add-opens", HarnessLaunch.MODULE + "/threadlab.grader.checks.support=ALL-UNNAMED"));
        if (exercise.builtIn()) { // its suites are in the harness module; a pack's are on the class path, open already
            exercise.suiteClasses().stream().map(suite -> suite.substring(0, suite.lastIndexOf('.'))).distinct()
                    .forEach(suitePackage -> options.addAll(List.of("--add-opens",
                            HarnessLaunch.MODULE + "/" + suitePackage + "=ALL-UNNAMED")));
        }
        if (Runtime.version().feature() >= 21) {
            options.add("-XX:+EnableDynamicAgentLoading");
        }
        return options;
    }
}
