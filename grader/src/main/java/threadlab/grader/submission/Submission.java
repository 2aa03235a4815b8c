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
import java.util.HashMap;
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
 * The student's own tests are left out, so that they never break the grading of the code they test: sources
 * in a {@code test} or {@code tests} folder, named {@code *Test.java} or {@code *Tests.java}, or importing a test
 * library (JUnit, AssertJ, jqwik, TestNG, Hamcrest, Mockito); so are sources over 1 MB. Each one left out is
 * listed ({@link #leftOut}) for a one-line notice. Build output ({@code target}, {@code build}) and hidden
 * folders are not looked at.
 */
public final class Submission {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+threadlab\\.(\\w+)\\s*;", Pattern.MULTILINE);
    private static final long MAX_SOURCE_BYTES = 1024 * 1024;
    private static final Pattern TEST_LIBRARY_IMPORT = Pattern.compile(
            "^\\s*import\\s+(static\\s+)?(org\\.junit|org\\.assertj|net\\.jqwik|org\\.testng|org\\.hamcrest|org\\.mockito)\\.",
            Pattern.MULTILINE);

    private static final Pattern TEST_NAME = Pattern.compile(".*Tests?\\.java");
    private static final int PACKAGE_SEARCH_BYTES = 64 * 1024;

    private final Path location;
    /** By exercise id: the submission is read before anybody says which exercises a course has. */
    private final Map<String, List<Path>> sources;
    private final Map<String, List<String>> leftOut;

    private Submission(Path location, Map<String, List<Path>> sources, Map<String, List<String>> leftOut) {
        this.location = location;
        this.sources = sources;
        this.leftOut = leftOut;
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
        Submission collected = new Submission(path, new HashMap<>(), new HashMap<>());
        collected.collect(root);
        return collected;
    }

    /** Where the submission came from. */
    public Path location() {
        return location;
    }

    /** The source files of {@code exercise}; empty when the submission does not have it. */
    public List<Path> sourcesOf(Exercise exercise) {
        return sources.getOrDefault(exercise.id(), List.of());
    }

    /** The files of {@code exercise}'s package that are not graded, each with why, e.g. "CounterLockTest.java (a test)". */
    public List<String> leftOut(Exercise exercise) {
        return leftOut.getOrDefault(exercise.id(), List.of());
    }

    private void collect(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(root) && (name.equals("target") || name.equals("build") || name.startsWith("."));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile() && file.toString().endsWith(".java")) {
                        sort(root, file, attrs.size());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sources.values().forEach(list -> list.sort(null));
        leftOut.values().forEach(list -> list.sort(null));
    }

    /** Puts a source of an exercise's package with the exercise's sources, or with what is left out. */
    private void sort(Path root, Path file, long size) throws IOException {
        String text = head(file);
        Matcher m = PACKAGE.matcher(text);
        if (!m.find()) {
            return;
        }
        String exercise = m.group(1);
        String name = file.getFileName().toString();
        String why = size > MAX_SOURCE_BYTES ? "over 1 MB"
                : isInTestFolder(root, file) || TEST_NAME.matcher(name).matches()
                        || TEST_LIBRARY_IMPORT.matcher(text).find() ? "a test" : null;
        if (why == null) {
            sources.computeIfAbsent(exercise, k -> new ArrayList<>()).add(file);
        } else {
            leftOut.computeIfAbsent(exercise, k -> new ArrayList<>()).add(name + " (" + why + ")");
        }
    }

    private static boolean isInTestFolder(Path root, Path file) {
        for (Path part : root.relativize(file).getParent() == null ? List.<Path>of() : root.relativize(file).getParent()) {
            if (part.toString().equals("test") || part.toString().equals("tests")) {
                return true;
            }
        }
        return false;
    }

    /** The start of a file: enough to find its package and imports, even in a file too large to grade. */
    private static String head(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return new String(in.readNBytes(PACKAGE_SEARCH_BYTES), StandardCharsets.UTF_8);
        }
    }
}
