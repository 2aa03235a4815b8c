package threadlab.grader.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Contains a JVM that runs student code on this machine, when the grader runs as root (CI, containers, lab
 * machines): the JVM runs as the unprivileged user {@code nobody}, in PID and network namespaces of its own
 * ({@code unshare}, {@code setpriv} from util-linux). As {@code nobody} it can write only the scratch folder it is
 * given — not the checkout, the grader's classes, the output folder or {@code /etc} — and cannot open the Docker
 * socket or raise its pids cgroup; without a network namespace's interfaces it reaches no network; and when it
 * ends, the kernel ends every process it started (the namespace's first process is gone).
 *
 * <p>Inside a batch grading's container, which gives no namespaces but has nothing else running, the JVM runs as
 * {@code nobody} without them (the container has no network), and every process of {@code nobody} is killed
 * when it ends ({@link #afterRun()}).
 *
 * <p>Everything such a JVM reads must be readable by {@code nobody}: the harness's module path is copied once into a
 * root-owned, world-readable cache ({@link #readable(List)}), and the grading's work folder is a scratch folder
 * made for the purpose ({@link #newScratch()}).
 */
public final class LocalContainment {

    /** {@code nobody} on Debian and most Linux distributions. */
    static final int UNPRIVILEGED_ID = 65534;
    private static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"));
    /** What {@link #detect(boolean)} found, for false and true. */
    private static final Map<Boolean, Optional<LocalContainment>> DETECTED = new ConcurrentHashMap<>();

    /**
     * Prepares a new namespace as root, then runs the command. A new network namespace has only a loopback device,
     * and it is down: brought up so that the I/O-bound benchmark reaches the latency server it starts for itself.
     * Nothing leaves the namespace.
     *
     * <p>Each namespace also gets a {@code /tmp} of its own (a tmpfs, in its own mount namespace), with the folders of
     * the machine's {@code /tmp} that the command names mounted back into it (the harness's readable copy, the scratch
     * folder: the script's arguments before {@code --}). A JVM names files in {@code /tmp} after its pid — its perf data
     * ({@code hsperfdata_<user>/<pid>}) and its attach socket ({@code .java_pid<pid>}, which Lincheck's agent uses to
     * load itself) — and pids repeat across PID namespaces: with one {@code /tmp} for all, a JVM whose perf file
     * another namespace's JVM held printed a warning on its standard output (where a process-map worker speaks its
     * protocol: its parent read a 1.5 GB frame length), and Lincheck's JVMs of two exercises explored at once could
     * not attach their agent. {@code /mnt} holds the machine's {@code /tmp} while its folders are mounted back.
     */
    private static final String NAMESPACE_SETUP = "PATH=\"$PATH:/usr/sbin:/sbin\"; "
            + "ip link set lo up 2>/dev/null || ifconfig lo up 2>/dev/null; "
            + "mkdir -p /mnt && mount --bind /tmp /mnt && mount -t tmpfs -o size=256m,mode=1777 threadlab-tmp /tmp "
            + "|| exit 125; "
            + "while [ \"$1\" != -- ]; do n=$1; shift; { [ -d \"/mnt/$n\" ] && [ ! -L \"/mnt/$n\" ]; } || continue; "
            + "mkdir \"/tmp/$n\" && mount --bind \"/mnt/$n\" \"/tmp/$n\" || exit 125; done; shift; "
            + "umount /mnt; exec \"$@\"";

    /** A folder of the machine's {@code /tmp} named in a command (not one whose name the shell could take otherwise). */
    private static final Pattern TMP_ENTRY = Pattern.compile("(?<![A-Za-z0-9._-])/tmp/([A-Za-z0-9_][A-Za-z0-9._-]*)");

    private final boolean namespaces;

    private LocalContainment(boolean namespaces) {
        this.namespaces = namespaces;
    }

    /** The containment this machine allows: present when running as root with working namespaces, else empty. */
    public static Optional<LocalContainment> detect() {
        return detect(false);
    }

    /**
     * The containment this machine allows.
     *
     * @param aloneInSandbox the grader runs alone in a sandbox container of its own (batch grading): there, without
     *                       namespaces, a change of user and killing every process of that user still contain
     */
    public static Optional<LocalContainment> detect(boolean aloneInSandbox) {
        return DETECTED.computeIfAbsent(aloneInSandbox, alone -> {
            LocalContainment full = new LocalContainment(true);
            LocalContainment userOnly = new LocalContainment(false);
            return !isRoot() ? Optional.empty() : full.works() ? Optional.of(full)
                    : alone && userOnly.works() ? Optional.of(userOnly) : Optional.empty();
        });
    }

    /**
     * Whether two contained JVMs may run at once: yes in namespaces of their own; no without them, where ending one
     * JVM's leftovers kills every process of {@code nobody} ({@link #afterRun()}), the other JVM too.
     */
    public boolean allowsConcurrentRuns() {
        return namespaces;
    }

    /** What the local sandbox contains here, said plainly for the reports. */
    public static String describe(Optional<LocalContainment> containment) {
        return containment.isPresent()
                ? "check JVMs run as nobody" + (containment.get().namespaces ? " in their own PID and network namespaces"
                        : "") + ": no writes outside their scratch folder, no network, no process outlives them"
                : "check JVMs run as your user: the bytecode allowlist, heap, time and (where possible) pids limits "
                        + "contain them, but not the operating system (grading as root adds users and namespaces)";
    }

    /**
     * {@code command} run as {@code nobody}, in new PID, mount (for its own /proc and /tmp) and network namespaces if
     * allowed (the network namespace with its own loopback only).
     */
    public List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>();
        if (namespaces) {
            wrapped.addAll(List.of("unshare", "--pid", "--fork", "--mount-proc", "--net", "--kill-child", "--",
                    "sh", "-c", NAMESPACE_SETUP, "sh"));
            wrapped.addAll(tmpEntries(command));
            wrapped.add("--");
        }
        wrapped.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED_ID, "--regid=" + UNPRIVILEGED_ID,
                "--clear-groups", "--no-new-privs", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** The folders of {@code /tmp} that {@code command} names. */
    private static Set<String> tmpEntries(List<String> command) {
        Set<String> entries = new TreeSet<>();
        for (String argument : command) {
            TMP_ENTRY.matcher(argument).results().map(found -> found.group(1)).forEach(entries::add);
        }
        return entries;
    }

    /**
     * Ends whatever the contained JVM left running. With namespaces the kernel did already; without (alone in a
     * sandbox container), every process of {@code nobody} is killed: nothing else runs as {@code nobody} there.
     */
    public void afterRun() {
        if (namespaces) {
            return;
        }
        ProcessHandle.allProcesses().filter(LocalContainment::isUnprivileged).forEach(ProcessHandle::destroyForcibly);
    }

    private static boolean isUnprivileged(ProcessHandle process) {
        try {
            return Integer.valueOf(UNPRIVILEGED_ID).equals(Files.getAttribute(Path.of("/proc/" + process.pid()),
                    "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A new scratch folder that {@code nobody} may enter (not list), owned by root; delete it when done. */
    public Path newScratch() {
        try {
            Path scratch = Files.createDirectory(CACHE.resolve("threadlab-scratch-" + UUID.randomUUID()));
            Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwx--x--x"));
            return scratch;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder for contained JVMs", e);
        }
    }

    /** Gives {@code dir} and everything in it to {@code nobody}: the one place a contained JVM may write. */
    public void giveToStudent(Path dir) {
        walk(dir, path -> {
            Files.setAttribute(path, "unix:uid", UNPRIVILEGED_ID);
            Files.setAttribute(path, "unix:gid", UNPRIVILEGED_ID);
        });
    }

    /** Makes {@code dir} and everything in it readable (not writable) by everyone. */
    public void makeReadable(Path dir) {
        walk(dir, path -> Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--")));
    }

    /**
     * The same class or module path, from a root-owned copy that {@code nobody} can read (the originals may sit
     * under a home folder it cannot enter). Made once per content and reused.
     */
    public List<Path> readable(List<Path> paths) {
        if (paths.stream().allMatch(LocalContainment::othersCanRead)) {
            return paths;
        }
        Path copy = CACHE.resolve("threadlab-readable-" + fingerprint(paths));
        List<Path> copied = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            copied.add(copy.resolve(i + "-" + paths.get(i).getFileName()));
        }
        if (Files.isDirectory(copy)) {
            return copied;
        }
        Path staging = CACHE.resolve("threadlab-readable-" + UUID.randomUUID() + ".staging");
        try {
            Files.createDirectory(staging);
            for (int i = 0; i < paths.size(); i++) {
                copyTree(paths.get(i), staging.resolve(copied.get(i).getFileName()));
            }
            makeReadable(staging);
            Files.move(staging, copy, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(copy)) { // another grading may have made it meanwhile
                throw new UncheckedIOException("cannot copy the harness where contained JVMs can read it", e);
            }
        }
        return copied;
    }

    /** Whether a user with no rights of its own can read {@code path} (every file below it) and reach it. */
    private static boolean othersCanRead(Path path) {
        try {
            for (Path up = path.toAbsolutePath().getParent(); up != null; up = up.getParent()) {
                if (!Files.getPosixFilePermissions(up).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            try (Stream<Path> files = Files.walk(path)) {
                return files.allMatch(f -> {
                    try {
                        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(f);
                        return mode.contains(PosixFilePermission.OTHERS_READ)
                                && (!Files.isDirectory(f) || mode.contains(PosixFilePermission.OTHERS_EXECUTE));
                    } catch (IOException e) {
                        return false;
                    }
                });
            }
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Deletes a scratch folder and everything a contained JVM left in it. */
    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a scratch folder in the temporary folder
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the tools are there and the kernel allows the namespaces (it may not inside a container). */
    private boolean works() {
        try {
            Path log = Files.createTempFile("threadlab-containment", ".log");
            try {
                ChildProcess.Ended ended = ChildProcess.of(wrap(List.of("sh", "-c", ":")))
                        .stdout(log).timeLimit(Duration.ofSeconds(10)).run();
                return Integer.valueOf(0).equals(ended.exitCode());
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static String fingerprint(List<Path> paths) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path path : paths) {
                digest.update(path.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                        digest.update((file + ":" + Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis())
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 24);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.copy(from, to);
            return;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @FunctionalInterface
    private interface PathAction {
        void apply(Path path) throws IOException;
    }

    private static void walk(Path dir, PathAction action) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                action.apply(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir + " for a contained JVM", e);
        }
    }
}
