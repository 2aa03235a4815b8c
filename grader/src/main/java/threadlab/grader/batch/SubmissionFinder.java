package threadlab.grader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds the submissions in a batch folder: each entry is one student's folder, {@code .zip}, git clone or
 * {@code .bundle}. Entries that cannot be graded (a duplicate id, an empty folder, a symlink, another kind of
 * file, a name that is not valid UTF-8) are reported, each under the id it would have had.
 */
final class SubmissionFinder {

    /** What the folder holds, by student id, sorted. */
    record Found(List<StudentSubmission> submissions, Map<String, String> rejected) {
    }

    private SubmissionFinder() {
    }

    static Found find(Path folder) {
        Map<String, List<StudentSubmission>> byId = new TreeMap<>();
        Map<String, String> rejected = new TreeMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                String id = idOf(name);
                if (name.contains("\uFFFD")) {
                    rejected.put(id, "the name '" + name + "' is not valid UTF-8; rename it");
                } else if (Files.isSymbolicLink(entry)) {
                    rejected.put(id, "'" + name + "' is a symbolic link; submissions must be real folders or files");
                } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    addFolder(entry, id, byId, rejected);
                } else if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    add(byId, new StudentSubmission(id, entry, StudentSubmission.Kind.ZIP));
                } else if (name.toLowerCase(Locale.ROOT).endsWith(".bundle")) {
                    add(byId, new StudentSubmission(id, entry, StudentSubmission.Kind.GIT_BUNDLE));
                } else {
                    rejected.put(id, "'" + name + "' is neither a folder, a .zip, a git clone nor a git .bundle");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        List<StudentSubmission> submissions = new ArrayList<>();
        byId.forEach((id, candidates) -> {
            if (candidates.size() > 1) {
                rejected.put(id, "two submissions have the id '" + id + "': " + candidates.stream()
                        .map(c -> c.source().getFileName().toString()).toList() + "; keep one");
            } else if (!rejected.containsKey(id)) {
                submissions.add(candidates.get(0));
            }
        });
        return new Found(List.copyOf(submissions), new LinkedHashMap<>(rejected));
    }

    private static void addFolder(Path entry, String id, Map<String, List<StudentSubmission>> byId, Map<String, String> rejected)
            throws IOException {
        boolean git = Files.isDirectory(entry.resolve(".git"));
        try (Stream<Path> inside = Files.list(entry)) {
            if (inside.noneMatch(p -> !p.getFileName().toString().equals(".git"))) {
                rejected.put(id, "the folder '" + entry.getFileName() + "' is empty");
                return;
            }
        }
        add(byId, new StudentSubmission(id, entry, git ? StudentSubmission.Kind.GIT_CLONE : StudentSubmission.Kind.FOLDER));
    }

    /** Collects submissions by id: two with one id are reported, not graded. */
    private static void add(Map<String, List<StudentSubmission>> byId, StudentSubmission submission) {
        byId.computeIfAbsent(submission.id(), k -> new ArrayList<>()).add(submission);
    }

    /** The student id of an entry: its name without a {@code .zip} or {@code .bundle} extension. */
    static String idOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String extension : List.of(".zip", ".bundle")) {
            if (lower.endsWith(extension) && name.length() > extension.length()) {
                return name.substring(0, name.length() - extension.length());
            }
        }
        return name;
    }
}
