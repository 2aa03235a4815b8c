package threadlab.grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A cap on the threads and processes of one check JVM and everything it starts, through the Linux
 * cgroup {@code pids} controller: a thread or fork flood in student code then fails inside that JVM
 * ("unable to create native thread") instead of exhausting the machine.
 *
 * <p>Available where the grader may create cgroups (root on a cgroup-v1 or v2 host, e.g. CI or a
 * container); elsewhere {@link #create} is empty and the time limits and the process-tree kill remain
 * the only protection.
 */
public final class PidsLimit implements AutoCloseable {

    /** Threads and processes one check JVM may have at once: a JVM needs ~30, process-map workers ~25 each. */
    public static final int MAX_TASKS = 600;

    private static final List<Path> CONTROLLERS = List.of(Path.of("/sys/fs/cgroup/pids"), Path.of("/sys/fs/cgroup"));

    private final Path group;

    private PidsLimit(Path group) {
        this.group = group;
    }

    /** A fresh cgroup limited to {@code maxTasks}, or empty when this machine does not allow one. */
    public static Optional<PidsLimit> create(int maxTasks) {
        for (Path controller : CONTROLLERS) {
            if (!Files.isWritable(controller) || !Files.exists(controller.resolve("cgroup.procs"))) {
                continue;
            }
            Path group = controller.resolve("threadlab-" + UUID.randomUUID());
            try {
                Files.createDirectory(group);
                Path max = group.resolve("pids.max");
                if (!Files.exists(max)) { // cgroup v2 without the pids controller enabled for children
                    Files.delete(group);
                    continue;
                }
                Files.writeString(max, Integer.toString(maxTasks));
                return Optional.of(new PidsLimit(group));
            } catch (IOException | SecurityException e) {
                deleteQuietly(group);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code command}, run by a shell that first enters the group and then becomes the command: everything the
     * command starts, from its first thread on, counts against the limit (a process moved in after it started may
     * already have started others outside it).
     */
    public List<String> enteringFirst(List<String> command) {
        List<String> entering = new ArrayList<>(List.of("sh", "-c",
                "echo $$ > '" + group.resolve("cgroup.procs") + "' && exec \"$0\" \"$@\""));
        entering.addAll(command);
        return entering;
    }

    /**
     * Whether a thread or process could not start because the group was full: the kernel's own count
     * ({@code pids.events}), not anything the processes printed.
     */
    public boolean limitReached() {
        try {
            return Files.readAllLines(group.resolve("pids.events")).stream()
                    .anyMatch(l -> l.startsWith("max ") && !l.strip().equals("max 0"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Kills whatever is still in the group — orphans included, which a process-tree kill cannot find —
     * and removes the group.
     */
    @Override
    public void close() {
        try {
            for (String pid : Files.readAllLines(group.resolve("cgroup.procs"))) {
                if (!pid.isBlank()) {
                    ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the group is already gone
        }
        for (int attempt = 0; attempt < 50 && Files.exists(group); attempt++) {
            if (deleteQuietly(group)) {
                return;
            }
            try {
                Thread.sleep(20); // the kernel releases a killed task asynchronously
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean deleteQuietly(Path group) {
        try {
            Files.deleteIfExists(group);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
