package threadlab.grader.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import threadlab.grader.exercise.PackException;

/**
 * The pack {@code ./grade pack new ID} writes: a small exercise (a gate that opens once) with a stub, a solution, one
 * check of each category and a fixture aimed at each check, so that it passes {@code ./grade pack verify} as it is
 * and shows every part an instructor replaces.
 */
public final class PackTemplate {

    private static final String ROOT = "/threadlab/grader/pack/template/";
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]{1,30}");

    private PackTemplate() {
    }

    /**
     * Writes the template pack for exercise {@code id} into {@code folder}, which must not exist yet.
     *
     * @return the files written
     * @throws PackException for an id that cannot name an exercise, or a folder that exists
     */
    public static List<Path> write(String id, Path folder) {
        if (!ID.matcher(id).matches() || id.equals("grader")) {
            throw new PackException("'" + id + "' cannot name an exercise: 2 to 31 lower-case letters or digits, "
                    + "starting with a letter (students implement package threadlab." + id + ")");
        }
        if (Files.exists(folder)) {
            throw new PackException(folder + " exists already; choose another folder with --into");
        }
        String className = id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1);
        return text("template.files").lines().map(name -> {
            Path target = folder.resolve(fill(name, id, className));
            try {
                Files.createDirectories(target.getParent());
                Files.writeString(target, fill(text(name), id, className), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return target;
        }).toList();
    }

    private static String fill(String text, String id, String className) {
        return text.replace("__ID__", id).replace("__CLASS__", className);
    }

    private static String text(String name) {
        try (InputStream in = PackTemplate.class.getResourceAsStream(ROOT + name)) {
            return new String(Objects.requireNonNull(in, "the grader lacks its pack template " + name).readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
