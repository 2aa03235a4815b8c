package threadlab.grader.host;

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
 * The class path of a check JVM: the harness and its own dependencies, picked out of the grader's class path.
 * The host's libraries (Testcontainers, JFreeChart, picocli, ...) and classes never sit next to student code.
 */
final class HarnessClasspath {

    /** Written by the harness's build: its runtime dependencies, as paths on the build machine. */
    private static final String DEPENDENCIES = "/threadlab/grader/harness/dependencies.txt";

    private HarnessClasspath() {
    }

    static List<Path> of(List<Path> graderClasspath) {
        Set<String> names = dependencyFileNames();
        Path harness = codeSource();
        return Stream.concat(Stream.of(harness), graderClasspath.stream()
                        .filter(p -> names.contains(p.getFileName().toString()) && !p.equals(harness)))
                .collect(Collectors.toList());
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
