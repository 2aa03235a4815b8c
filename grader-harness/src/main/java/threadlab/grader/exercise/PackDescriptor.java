package threadlab.grader.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a pack's descriptor, {@code pack.properties}:
 *
 * <pre>
 * id = barrier                      # the exercise's id; students implement package threadlab.barrier
 * title = A reusable barrier
 * order = 70                        # built-ins use 10..60
 * suites = threadlab.grader.packs.barrier.BarrierChecks, threadlab.grader.packs.barrier.BarrierInterleavings
 * benchmark =                       # optional: a Benchmark class, run in the sandbox for the performance checks
 * starts-processes = false          # optional: may the code start a Java worker process
 * denies = java.util.concurrent.CyclicBarrier, java.util.concurrent.Phaser   # optional: JDK types it forbids
 * </pre>
 */
public final class PackDescriptor {

    /** A pack's descriptor file, in a pack folder (and, as {@code ID.properties}, in a built pack). */
    public static final String FILE = "pack.properties";

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]{1,30}");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+");
    private static final Pattern DENIED = Pattern.compile("(java|javax|jdk|sun)(\\.[A-Za-z_$][\\w$]*)+\\.?");
    private static final Set<String> KEYS = Set.of("id", "title", "order", "suites", "benchmark", "starts-processes",
            "denies");

    private PackDescriptor() {
    }

    /**
     * Reads a descriptor.
     *
     * @param source         where it comes from, for messages
     * @param checkClasspath the class-path entry with the pack's compiled suites, or null for the grader's own
     * @throws PackException naming the first problem, in one line
     */
    public static Exercise read(InputStream in, String source, Path checkClasspath) {
        Properties properties = new Properties();
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new PackException(source + ": cannot read it as a properties file (" + e.getMessage() + ")");
        }
        for (String key : properties.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new PackException(source + ": unknown key '" + key + "' (known: "
                        + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        String id = required(properties, "id", source);
        if (!ID.matcher(id).matches() || id.equals("grader")) {
            throw new PackException(source + ": id '" + id + "' must be 2 to 31 lower-case letters or digits, starting "
                    + "with a letter (students implement package threadlab.<id>)");
        }
        List<String> suites = list(properties.getProperty("suites", ""));
        if (suites.isEmpty()) {
            throw new PackException(source + ": 'suites' names no check suite");
        }
        String benchmark = properties.getProperty("benchmark", "").strip();
        for (String name : benchmark.isEmpty() ? suites : concat(suites, benchmark)) {
            if (!CLASS_NAME.matcher(name).matches() || !name.startsWith("threadlab.grader.")
                    || name.startsWith("threadlab.grader." + "harness.")) {
                throw new PackException(source + ": '" + name + "' is not a class of a package under threadlab.grader "
                        + "(a pack's suites live there, e.g. threadlab.grader.packs." + id + ")");
            }
        }
        List<String> denies = list(properties.getProperty("denies", ""));
        for (String denied : denies) {
            if (!DENIED.matcher(denied).matches()) {
                throw new PackException(source + ": 'denies' lists '" + denied
                        + "', which is not a JDK type or package");
            }
        }
        return new Exercise(id, required(properties, "title", source), order(properties, source), suites,
                benchmark.isEmpty() ? null : benchmark, bool(properties, "starts-processes", source), denies,
                checkClasspath);
    }

    private static String required(Properties properties, String key, String source) {
        String value = properties.getProperty(key, "").strip();
        if (value.isEmpty()) {
            throw new PackException(source + ": '" + key + "' is missing");
        }
        return value;
    }

    private static int order(Properties properties, String source) {
        String value = required(properties, "order", source);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new PackException(source + ": order '" + value + "' is not a whole number");
        }
    }

    private static boolean bool(Properties properties, String key, String source) {
        String value = properties.getProperty(key, "false").strip();
        if (!value.equals("true") && !value.equals("false")) {
            throw new PackException(source + ": " + key + " must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> concat(List<String> list, String one) {
        return Stream.concat(list.stream(), Stream.of(one)).toList();
    }
}
