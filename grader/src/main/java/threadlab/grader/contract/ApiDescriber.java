package threadlab.grader.contract;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Describes the public API of a class as sorted lines of text, one per public type and member.
 *
 * <p>Members use the JDK's own {@code toGenericString} form, so a line names modifiers, generic
 * parameter and return types, and declared exceptions exactly as reflection sees them.
 */
final class ApiDescriber {

    /** Modifiers that are how a method works, not what callers see: they are left out. */
    private static final Pattern IMPLEMENTATION_MODIFIERS = Pattern.compile("\\b(synchronized|native|strictfp) ");

    private ApiDescriber() {
    }

    /** The lines describing {@code type}'s public face; empty if the type is not public. */
    static List<String> describe(Class<?> type) {
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
