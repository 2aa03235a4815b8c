package threadlab.grader.checks.support;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * Finds uses of forbidden JDK types in the compiled classes of an exercise, with ASM.
 *
 * <p>Every type a class refers to passes through a {@link Remapper}: superclasses, interfaces,
 * fields, signatures, instructions, constants. Each use is reported with the class and member where
 * it occurs.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ForbiddenApis {

    /** System property holding the directory of the submission's compiled classes. */
    public static final String CLASSES_PROPERTY = "threadlab.submission.classes";

    private ForbiddenApis() {
    }

    /** One use of a forbidden type. */
    public record Use(String type, String inClass, String inMember) {
        @Override
        public String toString() {
            return inClass + (inMember == null ? "" : "." + inMember) + " uses " + type;
        }
    }

    /**
     * The uses, in the classes of {@code javaPackage} whose simple name {@code classFilter} accepts,
     * of any type or method {@code forbidden} matches: type names with dots, e.g.
     * {@code java.util.concurrent.Semaphore}, and called methods as {@code java.util.Collections.synchronizedSet}.
     */
    public static List<Use> find(String javaPackage, Predicate<String> classFilter, Predicate<String> forbidden) {
        Path root = Path.of(System.getProperty(CLASSES_PROPERTY, "."));
        Path dir = root.resolve(javaPackage.replace('.', '/'));
        List<Use> uses = new ArrayList<>();
        try (Stream<Path> files = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().collect(Collectors.toList())) {
                String simpleName = file.getFileName().toString().replace(".class", "");
                if (classFilter.test(simpleName.replaceAll("\\$.*", ""))) {
                    uses.addAll(scan(file, forbidden));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }

    /**
     * Fails listing every use, if there is any. A rule can only be judged on an implementation:
     * {@code implementation} must create the exercise's main object (a stub throws "not implemented yet").
     */
    public static void assertNone(Runnable implementation, List<Use> uses, String rule) {
        implementation.run();
        if (!uses.isEmpty()) {
            throw new AssertionError(rule + "\nFound:\n" + uses.stream().map(u -> "  - " + u).collect(Collectors.joining("\n")));
        }
    }

    private static Set<Use> scan(Path classFile, Predicate<String> forbidden) throws IOException {
        Set<Use> uses = new LinkedHashSet<>();
        String[] member = {null};
        String[] owner = {null};
        Remapper collector = new Remapper() {
            @Override
            public String map(String internalName) {
                record(internalName.replace('/', '.'));
                return internalName;
            }

            @Override
            public String mapMethodName(String methodOwner, String name, String descriptor) {
                record(methodOwner.replace('/', '.') + "." + name); // calls, e.g. java.util.Collections.synchronizedSet
                return name;
            }

            private void record(String name) {
                if (forbidden.test(name)) {
                    uses.add(new Use(name, owner[0], member[0]));
                }
            }
        };
        // The delegate must hand out visitors: where it returns null, ClassRemapper skips that method's code.
        ClassVisitor sink = new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) { };
            }

            @Override
            public org.objectweb.asm.FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                return new org.objectweb.asm.FieldVisitor(Opcodes.ASM9) { };
            }
        };
        ClassVisitor visitor = new ClassRemapper(sink, collector) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                owner[0] = name.replace('/', '.');
                super.visit(version, access, name, signature, superName, interfaces);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                member[0] = name.equals("<init>") ? "<constructor>" : name.equals("<clinit>") ? "<static init>" : name + "()";
                return super.visitMethod(access, name, descriptor, signature, exceptions);
            }

            @Override
            public org.objectweb.asm.FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                member[0] = name;
                return super.visitField(access, name, descriptor, signature, value);
            }
        };
        try (InputStream in = Files.newInputStream(classFile)) {
            new ClassReader(in).accept(visitor, 0);
        }
        return uses;
    }
}
