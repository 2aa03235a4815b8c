package threadlab.grader.exercise;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One exercise, as its pack describes it: an identifier, the Java package students implement, the check suites that
 * grade it and what its code may use. The six built-in exercises and an instructor's own are the same kind of thing,
 * found by {@link Course}; the engine names none of them.
 *
 * @see PackDescriptor for the descriptor file a pack ships
 */
public final class Exercise {

    private final String id;
    private final String title;
    private final int order;
    private final List<String> suiteClasses;
    private final String benchmarkClass;
    private final boolean startsProcesses;
    private final List<String> deniedTypes;
    private final Path checkClasspath;

    Exercise(String id, String title, int order, List<String> suiteClasses, String benchmarkClass,
            boolean startsProcesses, List<String> deniedTypes, Path checkClasspath) {
        this.id = id;
        this.title = title;
        this.order = order;
        this.suiteClasses = List.copyOf(suiteClasses);
        this.benchmarkClass = benchmarkClass;
        this.startsProcesses = startsProcesses;
        this.deniedTypes = List.copyOf(deniedTypes);
        this.checkClasspath = checkClasspath;
    }

    /** The identifier used on the command line and in reports, e.g. {@code counterlock}. */
    public String id() {
        return id;
    }

    /** What the exercise is, in a few words, e.g. "A lock and a counter". */
    public String title() {
        return title;
    }

    /** Where the exercise comes in the course; exercises are listed and graded in this order. */
    public int order() {
        return order;
    }

    /** The Java package of the exercise, e.g. {@code threadlab.counterlock}. */
    public String javaPackage() {
        return "threadlab." + id;
    }

    /** Fully qualified names of the classes holding this exercise's checks. */
    public List<String> suiteClasses() {
        return suiteClasses;
    }

    /** The class that measures this exercise in the sandbox, if it has performance checks. */
    public Optional<String> benchmarkClass() {
        return Optional.ofNullable(benchmarkClass);
    }

    /** Whether the exercise's code may start a worker process (a Java worker from its own JVM's runtime). */
    public boolean startsProcesses() {
        return startsProcesses;
    }

    /**
     * JDK types (or packages, ending in a dot) the exercise forbids beyond what every exercise forbids, e.g. the
     * {@code java.util.concurrent.CyclicBarrier} a barrier exercise asks students to build themselves.
     */
    public List<String> deniedTypes() {
        return deniedTypes;
    }

    /**
     * The class-path entry holding the exercise's compiled suites, when they are not the grader's own: check JVMs get
     * it in front of the student's classes.
     */
    public Optional<Path> checkClasspath() {
        return Optional.ofNullable(checkClasspath);
    }

    /** Whether this exercise ships with the grader. */
    public boolean builtIn() {
        return checkClasspath == null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Exercise e && e.id.equals(id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }

    @Override
    public String toString() {
        return id;
    }
}
