package threadlab.grader.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import threadlab.grader.api.Category;
import threadlab.grader.api.Check;
import threadlab.grader.api.Explorer;
import threadlab.grader.exercise.Course;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.exercise.PackException;

/**
 * Every check of every exercise of a {@link Course}, read from the suites' class files.
 *
 * <p>The suites are read with ASM rather than loaded: they refer to the exercise classes, which exist
 * only on the class path of the forked JVM that grades a submission.
 */
public final class CheckCatalog {

    private static final String CHECK_DESCRIPTOR = Type.getDescriptor(Check.class);
    /** What makes JUnit Jupiter or jqwik run a method: a check needs one of them (descriptors, so nothing is loaded). */
    private static final Set<String> TEST_ANNOTATIONS = Set.of("Lorg/junit/jupiter/api/Test;",
            "Lorg/junit/jupiter/api/RepeatedTest;", "Lorg/junit/jupiter/params/ParameterizedTest;",
            "Lnet/jqwik/api/Property;", "Lnet/jqwik/api/Example;");

    private final Course course;
    private final Map<String, CheckDefinition> checks;

    private CheckCatalog(Course course, Map<String, CheckDefinition> checks) {
        this.course = course;
        this.checks = checks;
    }

    /** The checks of the grader's own exercises. */
    public static CheckCatalog builtIn() {
        return load(Course.builtIn());
    }

    /**
     * Reads the suites of all exercises of {@code course}.
     *
     * @throws PackException when a pack lacks a suite it names, a check's id is not its exercise's or is taken, or a
     *                       check other than a performance check's scoring method is no test (no {@code @Test} or
     *                       {@code @Property} beside its {@code @Check})
     */
    public static CheckCatalog load(Course course) {
        Map<String, CheckDefinition> checks = new LinkedHashMap<>();
        for (Exercise exercise : course.exercises()) {
            for (String suite : exercise.suiteClasses()) {
                for (CheckDefinition check : readSuite(course, exercise, suite)) {
                    CheckDefinition clash = checks.putIfAbsent(check.id(), check);
                    if (clash != null) {
                        throw new PackException("two checks share the id " + check.id() + ": "
                                + clash.suiteClass() + "." + clash.method() + " and " + suite + "." + check.method());
                    }
                }
            }
        }
        return new CheckCatalog(course, checks);
    }

    /** The exercises whose checks these are. */
    public Course course() {
        return course;
    }

    public Collection<CheckDefinition> all() {
        return checks.values();
    }

    public Optional<CheckDefinition> byId(String id) {
        return Optional.ofNullable(checks.get(id));
    }

    public List<CheckDefinition> of(Exercise exercise) {
        return checks.values().stream().filter(c -> c.exercise().equals(exercise)).collect(Collectors.toList());
    }

    private static List<CheckDefinition> readSuite(Course course, Exercise exercise, String suiteClass) {
        try (InputStream in = course.classFile(suiteClass)) {
            if (in == null) {
                throw new PackException("the pack " + exercise.id() + " names the check suite " + suiteClass
                        + ", which it lacks");
            }
            List<CheckDefinition> found = new ArrayList<>();
            new ClassReader(in).accept(new SuiteVisitor(exercise, suiteClass, found), ClassReader.SKIP_CODE);
            found.sort(Comparator.comparing(CheckDefinition::method));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects the {@code @Check} annotation of each method. */
    private static final class SuiteVisitor extends ClassVisitor {
        private final Exercise exercise;
        private final String suiteClass;
        private final List<CheckDefinition> found;

        SuiteVisitor(Exercise exercise, String suiteClass, List<CheckDefinition> found) {
            super(Opcodes.ASM9);
            this.exercise = exercise;
            this.suiteClass = suiteClass;
            this.found = found;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                private final int checksBefore = found.size();
                private boolean runByAnEngine;

                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    runByAnEngine |= TEST_ANNOTATIONS.contains(annotation);
                    if (!CHECK_DESCRIPTOR.equals(annotation)) {
                        return null;
                    }
                    Map<String, Object> values = new HashMap<>();
                    return new AnnotationVisitor(Opcodes.ASM9) {
                        @Override
                        public void visit(String key, Object value) {
                            values.put(key, value);
                        }

                        @Override
                        public void visitEnum(String key, String descriptor, String value) {
                            values.put(key, value);
                        }

                        @Override
                        public void visitEnd() {
                            found.add(definition(name, values));
                        }
                    };
                }

                @Override
                public void visitEnd() {
                    if (found.size() == checksBefore || runByAnEngine) {
                        return;
                    }
                    CheckDefinition check = found.get(found.size() - 1);
                    // A performance check is a scoring method the host calls; every other check is a test.
                    if (check.category() != Category.PERFORMANCE) {
                        throw new PackException("check " + check.id() + " (" + suiteClass + "." + name + ") has @Check "
                                + "but no @Test (or jqwik's @Property): no test engine would run it, and every grading "
                                + "would say it did not run");
                    }
                }
            };
        }

        private CheckDefinition definition(String method, Map<String, Object> values) {
            String id = (String) values.get("id");
            if (!id.startsWith(exercise.id() + ".")) {
                throw new PackException("check " + id + " in " + suiteClass + " must start with " + exercise.id()
                        + ".");
            }
            return new CheckDefinition(id, exercise, Category.valueOf((String) values.get("category")),
                    ((Number) values.get("points")).doubleValue(), (String) values.get("title"),
                    ((Number) values.getOrDefault("timeoutSeconds", 10)).intValue(), suiteClass, method,
                    Explorer.valueOf((String) values.getOrDefault("explorer", Explorer.VMLENS.name())));
        }
    }
}
