package threadlab.grader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The class's grades: every {@code students/<id>/batch.json} of an output folder, as {@code gradebook.csv} (points and
 * status of every exercise, and why a submission could not be graded), {@code gradebook.json}, and
 * {@code lms-grades.csv} (points only: one column per exercise and the total, for an LMS gradebook's import). Rebuilt from those files each time, sorted by id, with nothing that depends on when or
 * in how many pieces the batch ran — so a resumed or merged batch gives the same files as one uninterrupted run.
 */
public final class Gradebook {

    static final String STUDENTS = "students";
    static final String LMS_CSV = "lms-grades.csv";

    private final List<StudentResult> rows;

    private Gradebook(List<StudentResult> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Reads the rows kept in {@code out/students/}. */
    public static Gradebook read(Path out) {
        Path students = out.resolve(STUDENTS);
        List<StudentResult> rows = new ArrayList<>();
        if (Files.isDirectory(students)) {
            try (Stream<Path> dirs = Files.list(students)) {
                for (Path dir : dirs.filter(d -> !d.getFileName().toString().startsWith(".")).sorted().toList()) {
                    StudentGrader.existing(students, dir.getFileName().toString()).ifPresent(rows::add);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + students, e);
            }
        }
        return new Gradebook(rows);
    }

    public List<StudentResult> rows() {
        return rows;
    }

    /** Writes {@code gradebook.csv} and {@code gradebook.json} into {@code out}, each atomically. */
    public void write(Path out) {
        writeAtomically(out.resolve("gradebook.csv"), csv());
        writeAtomically(out.resolve(LMS_CSV), lmsCsv());
        try {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("exercises", exerciseIds());
            json.put("students", rows);
            writeAtomically(out.resolve("gradebook.json"), StudentGrader.JSON.writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String csv() {
        List<String> exercises = exerciseIds();
        StringBuilder out = new StringBuilder("id,name,status,score,max_score");
        exercises.forEach(e -> out.append(',').append(e));
        exercises.forEach(e -> out.append(',').append(e).append("_status"));
        out.append(",reason,integrity\n");
        for (StudentResult row : rows) {
            out.append(cell(row.id())).append(',').append(cell(row.name())).append(',').append(row.status()).append(',')
                    .append(number(row.score())).append(',').append(number(row.maxScore()));
            points(row, exercises, out);
            exercises.forEach(e -> out.append(',').append(cell(row.exerciseStatuses().getOrDefault(e, ""))));
            out.append(',').append(cell(row.reason())).append(',').append(cell(row.integrity())).append('\n');
        }
        return out.toString();
    }

    /** Points only, as an LMS imports them: id, name, one column per exercise, total (empty when not graded). */
    String lmsCsv() {
        List<String> exercises = exerciseIds();
        StringBuilder out = new StringBuilder("id,name");
        exercises.forEach(e -> out.append(',').append(e));
        out.append(",total\n");
        for (StudentResult row : rows) {
            out.append(cell(row.id())).append(',').append(cell(row.name()));
            points(row, exercises, out);
            out.append(',').append(row.status().equals(StudentResult.GRADED) ? number(row.score()) : "").append('\n');
        }
        return out.toString();
    }

    private static void points(StudentResult row, List<String> exercises, StringBuilder out) {
        for (String exercise : exercises) {
            Double points = row.exercises().get(exercise);
            out.append(',').append(points == null ? "" : number(points));
        }
    }

    /** The exercises any row has, in course order (each row's reports keep it). */
    List<String> exerciseIds() {
        Set<String> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.addAll(r.exercises().keySet()));
        return List.copyOf(ids);
    }

    /** The row of {@code id}, if there is one. */
    public Optional<StudentResult> row(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** A CSV cell, quoted when it must be (RFC 4180). */
    private static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String flat = text.replace('\n', ' ').replace('\r', ' ');
        return flat.contains(",") || flat.contains("\"") ? "\"" + flat.replace("\"", "\"\"") + "\"" : flat;
    }

    static void writeAtomically(Path file, String content) {
        try {
            Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
            Files.writeString(partial, content, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
