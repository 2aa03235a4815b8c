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
 * The student's own tests are ignored, so that they never break the grading of the code they test: test
 * folders ({@code src/test}, or a {@code test/java} beside {@code main/java} when {@code src/} itself was handed
 * in) and, wherever they sit, sources that import a test library (JUnit, AssertJ, jqwik, TestNG, Hamcrest,
 * Mockito). Build output ({@code target}, {@code build}) and hidden folders are ignored too.
 */
public final class Submission {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+threadlab\\.(\\w+)\\s*;", Pattern.MULTILINE);
    private static final long MAX_SOURCE_BYTES = 1024 * 1024;
    private static final Pattern TEST_LIBRARY_IMPORT = Pattern.compile(
            "^\\s*import\\s+(static\\s+)?(org\\.junit|org\\.assertj|net\\.jqwik|org\\.testng|org\\.hamcrest|org\\.mockito)\\.",
            Pattern.MULTILINE);

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
                            || name.startsWith(".") || isTestFolder(dir));
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

    /** {@code src/test}, or {@code test} holding {@code java} (Maven's layout, handed in from {@code src/} down). */
    private static boolean isTestFolder(Path dir) {
        if (!dir.getFileName().toString().equals("test")) {
            return false;
        }
        Path parent = dir.getParent();
        return parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("src")
                || Files.isDirectory(dir.resolve("java"));
    }

    /** The exercise of a source file by its package; none for a test (it imports a test library). */
    private static java.util.Optional<Exercise> exerciseOf(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        Matcher m = PACKAGE.matcher(text);
        if (!m.find() || TEST_LIBRARY_IMPORT.matcher(text).find()) {
            return java.util.Optional.empty();
        }
        return Exercise.byId(m.group(1));
    }
}
