package threadlab.grader.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import threadlab.grader.exercise.Exercise;

/**
 * The Java sources of a submission, sorted by exercise.
 *
 * <p>A submission is a folder or a {@code .zip}. Sources are found by their
 * {@code package threadlab.<exercise>;} declaration wherever they sit, so any folder layout works.
 * Test sources ({@code src/test}) and build output ({@code target}, {@code build}) are ignored.
 */
public final class Submission {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+threadlab\\.(\\w+)\\s*;", Pattern.MULTILINE);
    private static final long MAX_SOURCE_BYTES = 1024 * 1024;

    private final Path location;
    private final Map<Exercise, List<Path>> sources;

    private Submission(Path location, Map<Exercise, List<Path>> sources) {
        this.location = location;
        this.sources = sources;
    }

    /**
     * Reads the submission at {@code path}; a zip is unpacked into {@code scratch} first.
     *
     * @throws SubmissionException if the path does not exist or the archive is corrupt or unsafe
     */
    public static Submission open(Path path, Path scratch) {
        if (!Files.exists(path)) {
            throw new SubmissionException("no such file or folder: " + path);
        }
        Path root = path;
        if (Files.isRegularFile(path)) {
            if (!path.getFileName().toString().toLowerCase().endsWith(".zip")) {
                throw new SubmissionException(path + " is neither a folder nor a .zip archive");
            }
            root = scratch.resolve("unpacked");
            SafeUnzip.extract(path, root);
        }
        return new Submission(path, collect(root));
    }

    /** Where the submission came from. */
    public Path location() {
        return location;
    }

    /** The source files of {@code exercise}; empty when the submission does not have it. */
    public List<Path> sourcesOf(Exercise exercise) {
        return sources.getOrDefault(exercise, List.of());
    }

    private static Map<Exercise, List<Path>> collect(Path root) {
        Map<Exercise, List<Path>> found = new EnumMap<>(Exercise.class);
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(root) && (name.equals("target") || name.equals("build")
                            || name.startsWith(".") || (name.equals("test") && dir.getParent() != null
                            && dir.getParent().getFileName() != null && dir.getParent().getFileName().toString().equals("src")));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile() && file.toString().endsWith(".java") && attrs.size() <= MAX_SOURCE_BYTES) {
                        exerciseOf(file).ifPresent(e -> found.computeIfAbsent(e, k -> new ArrayList<>()).add(file));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.values().forEach(list -> list.sort(null));
        return found;
    }

    private static java.util.Optional<Exercise> exerciseOf(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        Matcher m = PACKAGE.matcher(text);
        return m.find() ? Exercise.byId(m.group(1)) : java.util.Optional.empty();
    }
}
