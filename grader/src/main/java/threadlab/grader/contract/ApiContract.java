package threadlab.grader.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import threadlab.grader.exercise.Course;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.exercise.PackException;
import threadlab.grader.harness.ApiDescription;
import threadlab.grader.sandbox.ChildProcess;
import threadlab.grader.sandbox.HarnessLaunch;

/**
 * The public API that every implementation of the exercises must expose, as stated by
 * {@code shared/exercise-contracts.md} and kept in one resource, {@code exercise-api.txt}.
 *
 * <p>Use {@link #load()} to read it and {@link #drift(Path)} to compare compiled classes with it.
 */
public final class ApiContract {

    private static final String RESOURCE = "exercise-api.txt";
    private static final Duration DESCRIBE_LIMIT = Duration.ofSeconds(60);

    private final Set<String> lines;

    private ApiContract(Set<String> lines) {
        this.lines = lines;
    }

    /** Reads the contract shipped with the grader. */
    public static ApiContract load() {
        try (InputStream in = ApiContract.class.getResourceAsStream(RESOURCE)) {
            Objects.requireNonNull(in, "the grader jar lacks its contract resource " + RESOURCE);
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The grader's contract and those of the course's packs.
     *
     * @throws PackException when a pack has no contract
     */
    public static ApiContract load(Course course) {
        Set<String> lines = new LinkedHashSet<>(load().lines);
        for (Exercise exercise : course.exercises()) {
            if (exercise.builtIn()) {
                continue;
            }
            try (InputStream in = course.contractOf(exercise)) {
                if (in == null) {
                    throw new PackException("the pack " + exercise.id() + " has no API contract");
                }
                lines.addAll(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).lines);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ApiContract(lines);
    }

    static ApiContract parse(String text) {
        Set<String> lines = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                lines.add(line.stripTrailing());
            }
        }
        return new ApiContract(lines);
    }

    /** The packages the contract covers, e.g. {@code threadlab.counterlock}. */
    public Set<String> packages() {
        return lines.stream().filter(l -> !l.startsWith(" "))
                .map(ApiContract::typeName)
                .map(name -> name.substring(0, name.lastIndexOf('.')))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Compares the public API of the classes compiled under {@code classesDir} (restricted to the
     * contract's packages) with the contract.
     *
     * @return one readable line per difference; empty when the API matches exactly
     */
    public List<String> drift(Path classesDir) {
        return drift(classesDir, packages());
    }

    /** Like {@link #drift(Path)}, for the classes of one exercise package, e.g. {@code threadlab.counterlock}. */
    public List<String> drift(Path classesDir, String javaPackage) {
        return drift(classesDir, Set.of(javaPackage));
    }

    private List<String> drift(Path classesDir, Set<String> javaPackages) {
        Set<String> actual = describeAll(classesDir);
        List<String> differences = new ArrayList<>();
        for (String expected : lines) {
            if (!javaPackages.contains(packageOf(expected))) {
                continue;
            }
            if (!actual.contains(expected)) {
                differences.add("missing:    " + expected.strip());
            }
        }
        for (String found : actual) {
            if (!lines.contains(found)) {
                differences.add("unexpected: " + found.strip());
            }
        }
        return differences;
    }

    /**
     * Describes, in the contract's own format, the public API found under {@code classesDir}. A harness JVM loads
     * the classes to describe them ({@code harness.ApiDescription}): the grader's own JVM never loads a student class.
     */
    public Set<String> describeAll(Path classesDir) {
        // Only the harness's own classes: describing runs no student code (classes are loaded, never initialized),
        // so a plain class path is enough, and it starts faster than the module.
        List<String> arguments = new ArrayList<>(List.of("-cp",
                HarnessLaunch.harness().toString(), ApiDescription.class.getName()));
        arguments.add(classesDir.toString());
        arguments.addAll(packages());
        try {
            Path output = Files.createTempFile("threadlab-api", ".txt");
            Path errors = Files.createTempFile("threadlab-api", ".err");
            try {
                ChildProcess.Ended ended = ChildProcess.of(ChildProcess.java(arguments)).stdout(output).stderr(errors)
                        .timeLimit(DESCRIBE_LIMIT).run();
                if (!Integer.valueOf(0).equals(ended.exitCode())) {
                    throw new IllegalStateException("could not load the compiled classes in " + classesDir + ": "
                            + ChildProcess.tail(errors, 2_000));
                }
                return new LinkedHashSet<>(Files.readAllLines(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String packageOf(String line) {
        for (String word : line.strip().split(" ")) {
            if (word.startsWith("threadlab.")) {
                String[] parts = word.split("\\.");
                return parts[0] + "." + parts[1];
            }
        }
        throw new IllegalArgumentException("not a contract line: " + line);
    }

    private static String typeName(String typeLine) {
        for (String word : typeLine.split(" ")) {
            if (word.startsWith("threadlab.")) {
                int generic = word.indexOf('<');
                return generic < 0 ? word : word.substring(0, generic);
            }
        }
        throw new IllegalArgumentException("not a type line: " + typeLine);
    }
}
