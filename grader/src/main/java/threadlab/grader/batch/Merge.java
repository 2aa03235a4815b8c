package threadlab.grader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Combines the outputs of {@code --shard} runs into one gradebook and class summary. */
public final class Merge {

    private Merge() {
    }

    /**
     * Copies every student folder of {@code shards} into {@code out} and writes the gradebook and summary there.
     *
     * @throws IllegalArgumentException if a folder is not a batch output, or two of them graded the same student
     */
    public static Gradebook merge(List<Path> shards, Path out) throws IOException {
        Path students = Files.createDirectories(out.resolve(Gradebook.STUDENTS));
        for (Path shard : shards) {
            Path from = shard.resolve(Gradebook.STUDENTS);
            if (!Files.isDirectory(from)) {
                throw new IllegalArgumentException(shard + " is not the output of a batch (it has no students/ folder)");
            }
            try (Stream<Path> dirs = Files.list(from)) {
                for (Path dir : dirs.filter(d -> !d.getFileName().toString().startsWith(".")).sorted().toList()) {
                    Path target = students.resolve(dir.getFileName().toString());
                    if (Files.exists(target) && !shard.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                        throw new IllegalArgumentException("the student '" + dir.getFileName() + "' was graded in two"
                                + " of the outputs merged; were the shards of one --shard K/N series?");
                    }
                    Folders.copy(dir, target, file -> true);
                }
            }
        }
        Gradebook gradebook = Gradebook.read(out);
        gradebook.write(out);
        ClassOfStudentsSummary.write(out, gradebook, List.of());
        return gradebook;
    }
}
