package threadlab.grader.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.exercise.PackDescriptor;
import threadlab.grader.exercise.PackException;

/**
 * An exercise pack as an instructor writes it: one folder with
 *
 * <pre>
 * pack.properties    the descriptor (see {@link PackDescriptor})
 * contract.txt       the public API students implement, one line per type and member
 * README.md          the students' guide
 * stub/              the sources students start from
 * solution/          the reference solution
 * checks/            the check suites (JUnit 5 / jqwik classes with @Check), in package threadlab.grader.packs.ID
 * fixtures/NAME/fixture.txt   buggy variants of the solution, each losing the checks aimed at its bug
 * </pre>
 */
public record PackFolder(Path root, Exercise exercise) {

    static final String CONTRACT = "contract.txt";

    /** Whether {@code path} is a pack folder (it has a descriptor), not a built pack. */
    public static boolean isPackFolder(Path path) {
        return Files.isRegularFile(path.resolve(PackDescriptor.FILE));
    }

    /**
     * Reads the folder's descriptor and checks its layout.
     *
     * @throws PackException naming the first thing missing or wrong
     */
    public static PackFolder open(Path root) {
        Path descriptor = root.resolve(PackDescriptor.FILE);
        if (!Files.isRegularFile(descriptor)) {
            throw new PackException(root + ": not an exercise pack (no " + PackDescriptor.FILE + ")");
        }
        Exercise exercise;
        try (InputStream in = Files.newInputStream(descriptor)) {
            exercise = PackDescriptor.read(in, descriptor.toString(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PackFolder pack = new PackFolder(root, exercise);
        for (Path needed : List.of(pack.contract(), pack.stub(), pack.solution(), pack.checks())) {
            if (!Files.exists(needed)) {
                throw new PackException(root + ": the pack lacks " + root.relativize(needed));
            }
        }
        return pack;
    }

    public Path descriptor() {
        return root.resolve(PackDescriptor.FILE);
    }

    public Path contract() {
        return root.resolve(CONTRACT);
    }

    public Path stub() {
        return root.resolve("stub");
    }

    public Path solution() {
        return root.resolve("solution");
    }

    public Path checks() {
        return root.resolve("checks");
    }

    public Path fixtures() {
        return root.resolve("fixtures");
    }

    /** The {@code .java} files below {@code folder}, sorted. */
    static List<Path> sources(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
