package threadlab.grader.exercise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The exercises a course grades: every pack on a class path, in course order. The grader's six exercises are packs
 * in its own jar; an instructor's pack is a folder the grader compiles (or a jar) with the same layout, found the
 * same way, so the engine keeps no list of exercises.
 *
 * <p>A class-path entry holds packs when it has {@value #INDEX}: one line per pack, naming its descriptor (a
 * {@value PackDescriptor#FILE} under {@value #DESCRIPTORS}), beside the pack's compiled suites.
 */
public final class Course {

    /** The index of the packs of one class-path entry. */
    public static final String INDEX = "META-INF/threadlab/packs.list";
    /** Where the descriptors of the packs of one class-path entry are. */
    public static final String DESCRIPTORS = "META-INF/threadlab/packs/";

    private final Map<String, Exercise> exercises;
    private final ClassLoader loader;

    private Course(Map<String, Exercise> exercises, ClassLoader loader) {
        this.exercises = exercises;
        this.loader = loader;
    }

    /** The packs the grader ships, and nothing else (read once: they cannot change while the grader runs). */
    public static Course builtIn() {
        return BuiltIn.COURSE;
    }

    /** Holds the built-in course, read on first use. */
    private static final class BuiltIn {
        static final Course COURSE = discover(Course.class.getClassLoader());
    }

    /**
     * Every pack on {@code loader}'s class path: the grader's, and those of the entries in front of or behind it.
     *
     * @throws PackException when a descriptor is broken, or two packs claim one id
     */
    public static Course discover(ClassLoader loader) {
        Path grader = ownEntry();
        List<Exercise> found = new ArrayList<>();
        try {
            for (URL index : Collections.list(loader.getResources(INDEX))) {
                Path entry = entryOf(index);
                Path checkClasspath = entry.equals(grader) ? null : entry;
                for (String descriptor : lines(index)) {
                    found.add(readDescriptor(loader, descriptor, checkClasspath));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Exercise> byId = new LinkedHashMap<>();
        found.sort(Comparator.comparingInt(Exercise::order).thenComparing(Exercise::id));
        for (Exercise exercise : found) {
            Exercise clash = byId.putIfAbsent(exercise.id(), exercise);
            if (clash != null) {
                throw new PackException("two packs are called '" + exercise.id() + "': "
                        + clash.checkClasspath().map(Path::toString).orElse("the grader's own") + " and "
                        + exercise.checkClasspath().map(Path::toString).orElse("the grader's own"));
            }
        }
        return new Course(byId, loader);
    }

    /** The exercises, in course order. */
    public List<Exercise> exercises() {
        return List.copyOf(exercises.values());
    }

    /** The exercise called {@code id} (case and surrounding blanks ignored). */
    public Optional<Exercise> byId(String id) {
        return Optional.ofNullable(exercises.get(id.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    /** The exercise whose package is {@code javaPackage}, or whose package holds it. */
    public Optional<Exercise> byPackage(String javaPackage) {
        return exercises.values().stream()
                .filter(e -> javaPackage.equals(e.javaPackage()) || javaPackage.startsWith(e.javaPackage() + "."))
                .findFirst();
    }

    /** The ids, in course order, e.g. for a message listing them. */
    public String ids() {
        return exercises.values().stream().map(Exercise::id).collect(Collectors.joining(", "));
    }

    /** The class file of a suite of one of the course's exercises, or null when no pack has it. */
    public InputStream classFile(String className) {
        return loader.getResourceAsStream(className.replace('.', '/') + ".class");
    }

    /**
     * The API contract a pack ships for {@code exercise} (lines as in the grader's {@code exercise-api.txt}), or null
     * for a built-in exercise, whose contract is the grader's.
     */
    public InputStream contractOf(Exercise exercise) {
        return exercise.builtIn() ? null : loader.getResourceAsStream(contractResource(exercise.id()));
    }

    /** Where a built pack keeps the API contract of exercise {@code id}. */
    public static String contractResource(String id) {
        return DESCRIPTORS + id + ".api";
    }

    private static Exercise readDescriptor(ClassLoader loader, String descriptor, Path checkClasspath) {
        String resource = DESCRIPTORS + descriptor;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new PackException((checkClasspath == null ? "the grader" : checkClasspath.toString())
                        + ": " + INDEX + " names " + descriptor + ", which is missing");
            }
            return PackDescriptor.read(in, checkClasspath == null ? resource : checkClasspath + "/" + resource,
                    checkClasspath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(URL index) throws IOException {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    /** The class-path entry (folder or jar) an index was found in. */
    private static Path entryOf(URL index) throws IOException {
        try {
            if ("jar".equals(index.getProtocol())) {
                return Path.of(((JarURLConnection) index.openConnection()).getJarFileURL().toURI());
            }
            Path file = Path.of(index.toURI());
            return file.getParent().getParent().getParent(); // META-INF/threadlab/packs.list
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate " + index, e);
        }
    }

    private static Path ownEntry() {
        try {
            return Path.of(Course.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the grader's harness", e);
        }
    }
}
