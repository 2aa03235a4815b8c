package threadlab.grader.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import threadlab.grader.harness.ForkMain;

/**
 * How the host starts a JVM of the harness: its module path (the harness and its own dependencies, picked out of
 * the grader's class path — the host's libraries and classes never sit next to student code), and the launcher
 * arguments that run a harness main class as a named module beside the student's classes.
 */
public final class HarnessLaunch {

    /** Written by the harness's build: its runtime dependencies, as paths on the build machine. */
    private static final String DEPENDENCIES = "/threadlab/grader/harness/dependencies.txt";

    private HarnessLaunch() {
    }

    /** The grader's own class path, as the running JVM sees it. */
    public static List<Path> currentClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).collect(Collectors.toList());
    }

    /** The harness's module path, from the grader's class path. */
    public static List<Path> of(List<Path> graderClasspath) {
        Set<String> names = dependencyFileNames();
        Path harness = codeSource();
        return Stream.concat(Stream.of(harness), graderClasspath.stream()
                        .filter(p -> names.contains(p.getFileName().toString()) && !p.equals(harness)))
                .collect(Collectors.toList());
    }

    /** The harness's own classes (its jar, or its class folder in a build). */
    public static Path harness() {
        return codeSource();
    }

    /** The harness's module name: see its {@code module-info.java}. */
    public static final String MODULE = "threadlab.grader.harness";

    /**
     * The launcher arguments that start {@code mainClass} of the harness as a named module on the module path,
     * with the student's classes on the class path (beside any engine jars a phase adds there): the harness reads
     * them, they cannot reflect into it.
     */
    public static List<String> moduleLaunch(List<Path> harnessModulePath, List<Path> classpath, Class<?> mainClass) {
        return List.of("--module-path", joined(harnessModulePath),
                "--add-reads", MODULE + "=ALL-UNNAMED",
                "-cp", joined(classpath),
                "-m", MODULE + "/" + mainClass.getName());
    }

    private static String joined(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static Set<String> dependencyFileNames() {
        try (InputStream in = ForkMain.class.getResourceAsStream(DEPENDENCIES)) {
            if (in == null) {
                throw new IllegalStateException("the harness lacks " + DEPENDENCIES + " (rebuild it with ./mvnw install)");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return Arrays.stream(text.split(File.pathSeparator)).filter(s -> !s.isBlank())
                    .map(s -> Path.of(s).getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path codeSource() {
        try {
            return Path.of(ForkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the harness", e);
        }
    }
}
