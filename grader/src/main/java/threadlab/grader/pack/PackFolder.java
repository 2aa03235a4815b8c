package threadlab.grader.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import threadlab.grader.exercise.Course;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.exercise.PackDescriptor;
import threadlab.grader.exercise.PackException;
import threadlab.grader.mutation.MutantList;

/**
 * The sources of an exercise pack. An instructor's pack is one folder:
 *
 * <pre>
 * pack.properties    the descriptor (see {@link PackDescriptor})
 * contract.txt       the public API students implement, one line per type and member
 * README.md          the students' guide
 * stub/              the sources students start from
 * solution/          the reference solution
 * checks/            the check suites (JUnit 5 / jqwik classes with @Check), in package threadlab.grader.packs.ID
 * fixtures/NAME/fixture.txt   buggy variants of the solution, each losing the checks aimed at its bug
 * mutation/equivalent.txt     optional: mutants of the solution that no check could tell apart, each with why
 * </pre>
 *
 * <p>The grader's own packs keep the same parts where its Maven modules build them ({@link #builtIn}): stubs in
 * {@code exercises/}, solutions in {@code solutions/}, descriptors, contracts and suites in the harness, fixtures in
 * the grader's test resources. Both kinds verify the same way ({@link PackVerification}).
 *
 * @param root     the pack folder, or the ThreadLab checkout for a built-in pack
 * @param exercise the exercise the pack describes
 * @param stub     the folder of the stub's sources (package folders below it)
 * @param solution the folder of the reference solution's sources
 * @param fixtures the folder of the fixtures, one folder each
 * @param checks   the folder of the check suites' sources; empty for a built-in pack, whose suites are compiled
 */
public record PackFolder(Path root, Exercise exercise, Path stub, Path solution, Path fixtures, Optional<Path> checks) {

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
        PackFolder pack = new PackFolder(root, exercise, root.resolve("stub"), root.resolve("solution"),
                root.resolve("fixtures"), Optional.of(root.resolve("checks")));
        pack.requireAll(List.of(pack.contract(), pack.stub(), pack.solution(), pack.checks().orElseThrow()));
        return pack;
    }

    /**
     * One of the grader's own packs, in the ThreadLab checkout at {@code checkout}.
     *
     * @throws PackException when {@code id} is no built-in exercise, or {@code checkout} is no ThreadLab checkout
     */
    public static PackFolder builtIn(Path checkout, String id) {
        Exercise exercise = Course.builtIn().byId(id).filter(e -> e.checkClasspath().isEmpty())
                .orElseThrow(() -> new PackException(id + ": no pack folder and no built-in exercise (those are "
                        + Course.builtIn().ids() + ")"));
        PackFolder pack = new PackFolder(checkout, exercise, checkout.resolve("exercises/src/main/java"),
                checkout.resolve("solutions/src/main/java"),
                checkout.resolve("grader/src/test/resources/fixtures").resolve(id), Optional.empty());
        pack.requireAll(List.of(pack.stub(), pack.solution(), pack.fixtures()));
        return pack;
    }

    private void requireAll(List<Path> needed) {
        for (Path path : needed) {
            if (!Files.exists(path)) {
                throw new PackException(root + ": the pack lacks " + root.relativize(path));
            }
        }
    }

    /** The course the pack is graded in: the grader's own, with the pack built into it if it is not built in. */
    Course course() {
        return checks.isEmpty() ? Course.builtIn() : Packs.course(List.of(root));
    }

    /** Whether this is one of the grader's own packs. */
    public boolean isBuiltIn() {
        return checks.isEmpty();
    }

    /**
     * The mutants of the solution that change nothing a check could see, each with why ({@link MutantList}): a
     * pack's {@code mutation/equivalent.txt}; the grader's own list for a built-in pack.
     */
    public Path equivalentMutants() {
        return isBuiltIn() ? root.resolve("grader/src/test/resources/mutation/equivalent.txt")
                : root.resolve("mutation/equivalent.txt");
    }

    Path descriptor() {
        return root.resolve(PackDescriptor.FILE);
    }

    Path contract() {
        return root.resolve(CONTRACT);
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
