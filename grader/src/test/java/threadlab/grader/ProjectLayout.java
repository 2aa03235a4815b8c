package threadlab.grader;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the sibling modules' sources are, for tests that grade or inspect them. */
public final class ProjectLayout {

    private ProjectLayout() {
    }

    /** The repository root: the {@code threadlab.root} property set by the build, else the parent directory. */
    public static Path root() {
        Path root = Path.of(System.getProperty("threadlab.root", "..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("solutions/src/main/java"))) {
            throw new IllegalStateException("not the ThreadLab repository root: " + root);
        }
        return root;
    }

    public static Path exerciseSources() {
        return root().resolve("exercises/src/main/java");
    }

    public static Path solutionSources() {
        return root().resolve("solutions/src/main/java");
    }
}
