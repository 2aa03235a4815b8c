package threadlab.grader.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the student's code printed in an exercise's JVMs, truncated for the reports: everything the check JVMs wrote,
 * then what it wrote to standard output while the engines explored it. An exploration runs the same scenario hundreds
 * of times, so each line printed there is shown once, with how often it came. (The engines' own warnings go to
 * standard error, which is left out there.)
 */
final class StudentOutput {

    static final int SHOWN = 4_000;
    private static final String CHECK_LOG = "std(out|err)-\\d+\\.log";
    private static final String EXPLORATION_LOG = "stdout-\\d+\\.log";

    private StudentOutput() {
    }

    /** The output of the exercise whose JVMs ran in {@code work}'s {@code run}, {@code model-checking} and {@code interleavings}. */
    static String of(Path work) {
        String checks = String.join("\n", logs(work.resolve("run"), CHECK_LOG, 1));
        List<String> explored = logs(work.resolve("model-checking"), EXPLORATION_LOG, 1);
        explored.addAll(logs(work.resolve("interleavings"), EXPLORATION_LOG, 2));
        String exploring = once(explored);
        String all = checks + (exploring.isEmpty() ? "" : (checks.isEmpty() ? "" : "\n")
                + "While the interleavings were explored:\n" + exploring);
        return all.length() <= SHOWN ? all : all.substring(0, SHOWN) + "\n... (truncated)";
    }

    /** The non-blank contents of the logs named {@code pattern} in {@code dir}, down to {@code depth} levels. */
    private static List<String> logs(Path dir, String pattern, int depth) {
        if (!Files.isDirectory(dir)) {
            return new ArrayList<>();
        }
        try (Stream<Path> files = Files.walk(dir, depth)) {
            return files.filter(f -> f.getFileName().toString().matches(pattern)).sorted().map(StudentOutput::read)
                    .filter(s -> !s.isBlank()).collect(Collectors.toCollection(ArrayList::new));
        } catch (IOException e) {
            return new ArrayList<>();
        }
    }

    /** Each distinct line once, in the order first printed, with its count when it came more than once. */
    private static String once(List<String> texts) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        texts.forEach(text -> text.lines().filter(l -> !l.isBlank()).forEach(l -> counts.merge(l, 1, Integer::sum)));
        return counts.entrySet().stream()
                .map(e -> e.getValue() == 1 ? e.getKey() : e.getKey() + "   (printed " + e.getValue() + " times)")
                .collect(Collectors.joining("\n"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
