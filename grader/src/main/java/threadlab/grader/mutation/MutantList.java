package threadlab.grader.mutation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import threadlab.grader.exercise.PackException;

/**
 * A list of mutants with a reason each, as {@code equivalent.txt} keeps the mutants that change nothing a check could
 * see: one mutant id per line ({@link Mutant#id()}), then {@code  -- } and the reason; {@code #} starts a comment.
 */
public final class MutantList {

    private MutantList() {
    }

    /** The list in {@code file} by mutant id; empty if there is no such file. */
    public static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The list in {@code text} by mutant id.
     *
     * @throws PackException naming {@code source} and the line that has no reason
     */
    public static Map<String, String> parse(String text, String source) {
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split(" -- ", 2);
                if (parts.length != 2) {
                    throw new PackException(source + ": a reason after ' -- ' is missing in: " + line);
                }
                listed.put(parts[0].strip(), parts[1].strip());
            }
        }
        return listed;
    }
}
