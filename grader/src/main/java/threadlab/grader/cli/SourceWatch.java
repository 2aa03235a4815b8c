package threadlab.grader.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code --watch}: runs an action at once, and again whenever a Java source under a folder changes — the loop students
 * know from test runners. It polls (a fingerprint of every source's path, size and time) rather than registering
 * file-system watches: it works the same in every folder, container and editor.
 */
final class SourceWatch {

    private final Path folder;
    private final Duration interval;

    SourceWatch(Path folder, Duration interval) {
        this.folder = folder;
        this.interval = interval;
    }

    /**
     * Runs {@code action}, then again after each change, until the thread is interrupted or it ran {@code rounds}
     * times (0: no limit). A change made while the action runs starts the next round as soon as it ends.
     */
    void run(Runnable action, int rounds) throws InterruptedException {
        for (int round = 1; ; round++) {
            String before = fingerprint();
            action.run();
            if (rounds > 0 && round >= rounds) {
                return;
            }
            while (fingerprint().equals(before)) {
                Thread.sleep(interval.toMillis());
            }
        }
    }

    /** Every Java source's path, size and modification time; build output and hidden folders left out. */
    String fingerprint() {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f) && !ignored(f))
                    .map(this::describe).sorted().collect(Collectors.joining("\n"));
        } catch (IOException | UncheckedIOException e) {
            return "unreadable: " + e.getMessage(); // a folder renamed mid-walk: compare again next time
        }
    }

    private boolean ignored(Path file) {
        for (Path part : folder.relativize(file)) {
            String name = part.toString();
            if (name.equals("target") || name.equals("build") || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private String describe(Path file) {
        try {
            return file + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return file + " gone";
        }
    }
}
