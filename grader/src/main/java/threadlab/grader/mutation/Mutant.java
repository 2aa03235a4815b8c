package threadlab.grader.mutation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import threadlab.grader.exercise.Exercise;

/**
 * One mutant of a reference solution: one operator applied at one line of one file.
 *
 * @param line     the 1-based line the operator changed
 * @param original that line before
 * @param mutated  that line after (for a lock pair: the lock line)
 * @param source   the whole mutated file
 */
public record Mutant(Exercise exercise, String file, int line, MutationOperator operator, String original, String mutated,
              List<String> source) {

    /** Every mutant every operator makes of the exercise's reference solution (comment lines left alone). */
    public static List<Mutant> of(Exercise exercise, Path solutionSources) throws IOException {
        List<Mutant> mutants = new ArrayList<>();
        try (Stream<Path> files = Files.list(packageDir(solutionSources, exercise))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (MutationOperator operator : MutationOperator.values()) {
                    for (int at = 0; at < lines.size(); at++) {
                        List<String> mutatedFile = isComment(lines.get(at)) ? null : operator.mutatedFile(lines, at);
                        if (mutatedFile != null) {
                            mutants.add(new Mutant(exercise, file.getFileName().toString(), at + 1, operator,
                                    lines.get(at).strip(), mutatedFile.get(at).strip(), List.copyOf(mutatedFile)));
                        }
                    }
                }
            }
        }
        return mutants;
    }

    /** How the README's table and the equivalence list name it, e.g. {@code counterlock/CounterLock.java:42 drop_volatile}. */
    public String id() {
        return exercise.id() + "/" + file + ":" + line + " " + operator.name().toLowerCase();
    }

    /** The exercise's reference sources with this mutant's file in place, under {@code target}; returns it. */
    public Path materialize(Path solutionSources, Path target) throws IOException {
        Path packageDir = Files.createDirectories(packageDir(target, exercise));
        try (Stream<Path> files = Files.list(packageDir(solutionSources, exercise))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Files.copy(file, packageDir.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.write(packageDir.resolve(file), source);
        return target;
    }

    private static Path packageDir(Path sources, Exercise exercise) {
        return sources.resolve("threadlab").resolve(exercise.id());
    }

    private static boolean isComment(String line) {
        String code = line.strip();
        return code.startsWith("//") || code.startsWith("*") || code.startsWith("/*");
    }
}
