package threadlab.grader.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import threadlab.grader.exercise.Course;
import threadlab.grader.exercise.PackException;

/** Puts a course together: the grader's own exercises, and the packs an instructor adds with {@code --packs}. */
public final class Packs {

    private Packs() {
    }

    /**
     * The grader's exercises and the packs at {@code paths}: pack folders (built here, into a temporary folder that
     * goes when the JVM ends) or built packs (a folder or jar with {@value Course#INDEX}).
     *
     * @throws PackException when a path is not a pack, a pack does not build, or two exercises share an id
     */
    public static Course course(List<Path> paths) {
        if (paths == null || paths.isEmpty()) {
            return Course.builtIn();
        }
        List<URL> entries = new ArrayList<>();
        Path builds = null;
        for (Path path : paths) {
            Path entry;
            if (PackFolder.isPackFolder(path)) {
                builds = builds != null ? builds : temporaryFolder();
                PackFolder pack = PackFolder.open(path);
                entry = new PackBuild().build(pack, builds.resolve(pack.exercise().id()));
            } else if (PackBuild.isBuilt(path)) {
                entry = path;
            } else {
                throw new PackException(path + ": not an exercise pack (neither a folder with pack.properties nor a "
                        + "built pack with " + Course.INDEX + ")");
            }
            entries.add(url(entry.toAbsolutePath()));
        }
        Course course = Course.discover(new URLClassLoader(entries.toArray(URL[]::new), Packs.class.getClassLoader()));
        for (URL entry : entries) {
            Path path = Path.of(URI.create(entry.toString()));
            if (course.exercises().stream().noneMatch(e -> e.checkClasspath().filter(path::equals).isPresent())) {
                throw new PackException(path + ": holds no exercise pack (no " + Course.INDEX + " naming one)");
            }
        }
        return course;
    }

    private static URL url(Path entry) {
        try {
            return entry.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Path temporaryFolder() {
        try {
            Path folder = Files.createTempDirectory("threadlab-packs-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder), "threadlab-packs-cleanup"));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code folder} and what it holds, as far as it can. */
    public static void delete(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary folder
        }
    }
}
