package threadlab.grader.integrity;

import java.util.List;
import java.util.Set;
import threadlab.grader.exercise.Exercise;

/**
 * The JDK API an exercise's classes may use, deny by default. What a concurrency exercise needs is allowed —
 * {@code java.lang} basics, threads, collections, {@code java.util.concurrent}, streams, time, text — and what
 * could reach the grader or the machine is not: reflection and method handles, class loaders, {@code sun.misc} and
 * {@code jdk.internal}, ending or inspecting the JVM ({@code System.exit}, {@code Runtime.halt}, shutdown hooks,
 * system properties and the environment), native libraries, files, sockets and channels, and
 * {@code threadlab.grader}. Only an exercise whose pack says so ({@code processmap}) may start processes, and only a
 * Java worker from the JVM's own {@code java.home} and class path; a pack may deny more JDK types (a barrier exercise
 * denies {@code CyclicBarrier}). The students' guide lists the same rules.
 */
public final class Allowlist {

    /** Packages whose types (and all their members) are allowed, unless a denial below says otherwise. */
    private static final List<String> ALLOWED_PACKAGES = List.of("java.lang.", "java.util.", "java.time.", "java.math.",
            "java.text.", "java.nio.charset.");
    /** Whole types or packages denied even though their package is allowed. */
    private static final List<String> DENIED_TYPES = List.of("java.lang.reflect.", "java.lang.invoke.",
            "java.lang.instrument.", "java.lang.management.", "java.lang.module.", "java.lang.ClassLoader",
            "java.lang.Module", "java.lang.ModuleLayer", "java.lang.StackWalker", "java.lang.SecurityManager",
            "java.lang.ProcessBuilder", "java.lang.Process", "java.lang.ProcessHandle", "java.lang.Compiler",
            "java.util.logging.", "java.util.prefs.", "java.util.jar.", "java.util.zip.", "java.util.spi.",
            "java.util.ServiceLoader", "java.util.Formatter", "java.lang.Runtime");
    /** Members of allowed types that are denied. */
    private static final Set<String> DENIED_MEMBERS = Set.of("java.lang.System.exit", "java.lang.System.getenv",
            "java.lang.System.getProperty", "java.lang.System.getProperties", "java.lang.System.setProperty",
            "java.lang.System.setProperties", "java.lang.System.clearProperty", "java.lang.System.load",
            "java.lang.System.loadLibrary", "java.lang.System.mapLibraryName", "java.lang.System.setIn",
            "java.lang.System.setSecurityManager", "java.lang.System.getSecurityManager", "java.lang.System.getLogger",
            "java.lang.System.inheritedChannel", "java.lang.System.console",
            "java.lang.Thread.getContextClassLoader", "java.lang.Thread.setContextClassLoader", "java.lang.Thread.stop",
            "java.lang.Thread.suspend", "java.lang.Thread.resume", "java.lang.Thread.setDefaultUncaughtExceptionHandler",
            "java.lang.Object.finalize", "java.lang.Enum.finalize");
    /** The members of {@code java.lang.Class} code may use: naming and casting, nothing that reflects. */
    private static final Set<String> CLASS_MEMBERS = Set.of("getName", "getSimpleName", "getTypeName", "isInstance",
            "cast", "desiredAssertionStatus", "toString", "hashCode", "equals", "isArray", "getComponentType",
            "isAssignableFrom", "getCanonicalName");
    /** {@code Runtime} is denied but for asking about the machine. */
    private static final Set<String> RUNTIME_MEMBERS = Set.of("getRuntime", "availableProcessors", "totalMemory",
            "freeMemory", "maxMemory", "gc");
    /** Bootstrap methods {@code javac} emits for lambdas, string concatenation, records and switches. */
    private static final Set<String> BOOTSTRAP_OWNERS = Set.of("java.lang.invoke.LambdaMetafactory",
            "java.lang.invoke.StringConcatFactory", "java.lang.runtime.ObjectMethods", "java.lang.runtime.SwitchBootstraps");
    /** What {@code javac} makes a serializable lambda deserialize through: it only reads the lambda's description. */
    private static final String SERIALIZED_LAMBDA = "java.lang.invoke.SerializedLambda";
    /** {@code java.io} types for streams in memory and over a process's pipes; none opens a file. */
    private static final Set<String> IO_TYPES = Set.of("Serializable", "Closeable", "Flushable", "IOException",
            "UncheckedIOException", "EOFException", "InterruptedIOException", "InputStream", "OutputStream",
            "BufferedInputStream", "BufferedOutputStream", "DataInputStream", "DataOutputStream", "DataInput",
            "DataOutput", "ByteArrayInputStream", "ByteArrayOutputStream", "ObjectInputStream", "ObjectOutputStream",
            "ObjectInput", "ObjectOutput", "Reader", "Writer", "BufferedReader", "BufferedWriter", "InputStreamReader",
            "OutputStreamWriter", "StringReader", "StringWriter", "PrintStream", "PrintWriter", "NotSerializableException",
            "ObjectStreamException", "InvalidClassException", "StreamCorruptedException", "OptionalDataException",
            "Externalizable");

    private final Exercise exercise;

    private Allowlist(Exercise exercise) {
        this.exercise = exercise;
    }

    /** The allowlist of one exercise. */
    public static Allowlist of(Exercise exercise) {
        return new Allowlist(exercise);
    }

    /** Whether code may start a worker process (its pack says so). */
    boolean startsProcesses() {
        return exercise.startsProcesses();
    }

    /** The system properties code may read: for a worker's command line, where it may start one. */
    boolean readsProperty(String key) {
        return startsProcesses() && ("java.home".equals(key) || "java.class.path".equals(key));
    }

    /**
     * Why code may not use {@code member} of {@code type} with {@code descriptor}, or null when it may.
     *
     * @param type       a dotted class name, e.g. {@code java.lang.System}
     * @param member     a method or field name, or null for a use of the type itself
     * @param descriptor the method's descriptor, or null
     */
    String denial(String type, String member, String descriptor) {
        if (type.startsWith(exercise.javaPackage() + ".")) {
            return null;
        }
        if (type.startsWith("threadlab.")) {
            return "the grader's or another exercise's classes";
        }
        if (exercise.deniedTypes().stream().anyMatch(denied -> covers(denied, type))) {
            return "what this exercise asks you to build yourself";
        }
        if (descriptor != null && (descriptor.contains("Ljava/io/File;") || (descriptor.contains("Ljava/nio/file/")
                && !type.equals("java.nio.file.Path")))) {
            return "files";
        }
        if (startsProcesses() && processApi(type, member, descriptor)) {
            return null;
        }
        if (type.equals("java.lang.Class")) {
            return member == null || CLASS_MEMBERS.contains(member) ? null : "reflection";
        }
        if (type.equals("java.lang.Runtime") && member != null && RUNTIME_MEMBERS.contains(member)) {
            return null;
        }
        if (member != null && DENIED_MEMBERS.contains(type + "." + member)) {
            return "ending, configuring or inspecting the JVM";
        }
        if (type.startsWith("java.io.")) {
            return IO_TYPES.contains(type.substring("java.io.".length())) && !opensByName(type, member, descriptor)
                    ? null : "files";
        }
        if (type.equals(SERIALIZED_LAMBDA)) {
            return null; // javac's $deserializeLambda$ of a serializable lambda (a RemoteFunction) reads one
        }
        if (DENIED_TYPES.stream().anyMatch(denied -> covers(denied, type))) {
            return deniedWhy(type);
        }
        if (ALLOWED_PACKAGES.stream().anyMatch(type::startsWith) || type.startsWith("java.nio.") && type.endsWith("Buffer")) {
            return null;
        }
        return deniedWhy(type);
    }

    /** A package prefix (ending in a dot) covers its types; a type name covers itself and its nested types. */
    private static boolean covers(String denied, String type) {
        return denied.endsWith(".") ? type.startsWith(denied) : type.equals(denied) || type.startsWith(denied + "$");
    }

    /** Whether {@code owner} is a bootstrap method {@code javac} itself emits. */
    boolean allowedBootstrap(String owner) {
        return BOOTSTRAP_OWNERS.contains(owner);
    }

    /** A worker process: the process API, the file descriptors of the JVM's own pipes, and {@code Path} for a name. */
    private static boolean processApi(String type, String member, String descriptor) {
        return type.equals("java.lang.ProcessBuilder") || type.startsWith("java.lang.ProcessBuilder$")
                || type.equals("java.lang.Process") || type.equals("java.lang.ProcessHandle")
                || type.startsWith("java.lang.ProcessHandle$") || type.equals("java.nio.file.Path")
                || type.equals("java.io.FileDescriptor")
                || type.equals("java.io.FileOutputStream") && (!"<init>".equals(member)
                        || "(Ljava/io/FileDescriptor;)V".equals(descriptor));
    }

    /** A {@code PrintStream} or {@code PrintWriter} made from a file name opens that file. */
    private static boolean opensByName(String type, String member, String descriptor) {
        return "<init>".equals(member) && descriptor != null && descriptor.startsWith("(Ljava/lang/String;")
                && (type.equals("java.io.PrintStream") || type.equals("java.io.PrintWriter"));
    }

    private static String deniedWhy(String type) {
        if (type.startsWith("java.lang.reflect.") || type.startsWith("java.lang.invoke.") || type.equals("java.lang.ClassLoader")
                || type.startsWith("java.lang.Module")) {
            return "reflection";
        }
        if (type.startsWith("java.net.") || type.startsWith("java.nio.channels.")) {
            return "the network or channels";
        }
        if (type.startsWith("java.nio.file.") || type.startsWith("java.io.")) {
            return "files";
        }
        if (type.startsWith("java.lang.Process")) {
            return "starting processes (only an exercise about worker processes may)";
        }
        if (type.startsWith("sun.") || type.startsWith("jdk.") || type.startsWith("com.sun.")) {
            return "JDK internals";
        }
        return "an API this exercise does not need";
    }
}
