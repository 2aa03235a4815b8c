package threadlab.grader.harness;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Describes the public API of compiled classes as sorted lines of text, one per public type and member; the host
 * compares them with the exercise contract. A JVM of its own does this (the host never loads a student class), and
 * it only loads the classes, never initializes them: no student code runs.
 *
 * <pre>java -p harness --add-reads ... -m threadlab.grader.harness/threadlab.grader.harness.ApiDescription CLASSES PACKAGE...</pre>
 *
 * <p>Members use the JDK's own {@code toGenericString} form, so a line names modifiers, generic
 * parameter and return types, and declared exceptions exactly as reflection sees them.
 */
public final class ApiDescription {

    /** Modifiers that are how a method works, not what callers see: they are left out. */
    private static final Pattern IMPLEMENTATION_MODIFIERS = Pattern.compile("\\b(synchronized|native|strictfp) ");

    private ApiDescription() {
    }

    /** Prints the lines describing the classes of the given packages under a class folder, one per line. */
    public static void main(String[] args) throws Exception {
        Path classesDir = Path.of(args[0]);
        Set<String> packages = Set.of(Arrays.copyOfRange(args, 1, args.length));
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classesDir.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
             Stream<Path> files = Files.walk(classesDir)) {
            List<String> names = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classesDir.relativize(f).toString().replace('\\', '/').replace('/', '.'))
                    .map(name -> name.substring(0, name.length() - ".class".length()))
                    .filter(name -> packages.contains(name.substring(0, Math.max(0, name.lastIndexOf('.')))))
                    .sorted().collect(Collectors.toList());
            for (String name : names) {
                describeOrSayWhyNot(name, loader).forEach(out::println);
            }
        }
        out.flush();
    }

    /**
     * The lines describing the class {@code name}, or one line saying why it cannot be described: a class whose
     * signatures name a type outside the JDK (a grader type, say) does not load here, and must not stop the grading.
     */
    private static List<String> describeOrSayWhyNot(String name, ClassLoader loader) throws ClassNotFoundException {
        try {
            return describe(Class.forName(name, false, loader));
        } catch (LinkageError e) {
            return List.of("class " + name + " cannot be described: it needs "
                    + String.valueOf(e.getMessage()).replace('/', '.') + ", which is not part of the JDK");
        }
    }

    /** The lines describing {@code type}'s public face; empty if the type is not public. */
    private static List<String> describe(Class<?> type) {
        List<String> lines = new ArrayList<>();
        if (!Modifier.isPublic(type.getModifiers())) {
            return lines;
        }
        lines.add(typeLine(type));
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            addIfPublic(lines, c);
        }
        for (Method m : type.getDeclaredMethods()) {
            if (!m.isSynthetic() && !m.isBridge()) {
                addIfPublic(lines, m);
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && !f.isSynthetic()) {
                lines.add("  " + f.toGenericString());
            }
        }
        List<String> members = lines.subList(1, lines.size());
        members.sort(null);
        return lines;
    }

    private static void addIfPublic(List<String> lines, Executable member) {
        if (Modifier.isPublic(member.getModifiers())) {
            lines.add("  " + IMPLEMENTATION_MODIFIERS.matcher(member.toGenericString()).replaceAll(""));
        }
    }

    private static String typeLine(Class<?> type) {
        StringBuilder line = new StringBuilder(type.toGenericString());
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && !type.isInterface()) {
            line.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0) {
            line.append(type.isInterface() ? " extends " : " implements ")
                    .append(Arrays.stream(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        return line.toString();
    }
}
