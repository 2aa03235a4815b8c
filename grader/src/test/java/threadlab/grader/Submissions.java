package threadlab.grader;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import threadlab.grader.exercise.Exercise;

/** Builds submissions for tests: copies of reference exercises, broken files, archives. */
public final class Submissions {

    private Submissions() {
    }

    /** Copies the reference solution of {@code exercise} into {@code target} (package folders kept). */
    public static Path withSolution(Path target, Exercise exercise) throws IOException {
        Path from = ProjectLayout.solutionSources().resolve("threadlab").resolve(exercise.id());
        Path to = Files.createDirectories(target.resolve("threadlab").resolve(exercise.id()));
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
        return target;
    }

    /** Writes one source file of {@code exercise} into {@code target}. */
    public static Path withFile(Path target, Exercise exercise, String fileName, String source) throws IOException {
        Path dir = Files.createDirectories(target.resolve("threadlab").resolve(exercise.id()));
        Files.writeString(dir.resolve(fileName), source, StandardCharsets.UTF_8);
        return target;
    }

    /** Zips every file below {@code folder} into {@code zip}, under {@code prefix}. */
    public static Path zip(Path folder, Path zip, String prefix) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
             Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new ZipEntry(prefix + folder.relativize(path).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        }
        return zip;
    }

    /** A zip holding one entry with exactly the given name (for unsafe names). */
    public static Path zipWithEntry(Path zip, String entryName, String content) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry(entryName));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return zip;
    }
}
