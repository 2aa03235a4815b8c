package threadlab.grader.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import threadlab.grader.compile.Compilation;
import threadlab.grader.compile.SourceCompiler;
import threadlab.grader.exercise.Course;
import threadlab.grader.exercise.PackException;
import threadlab.grader.sandbox.HarnessLaunch;

/**
 * Builds a {@link PackFolder} into a class-path entry laid out like the grader's own packs: the compiled suites, the
 * descriptor and the contract under {@value Course#DESCRIPTORS}, and the index {@value Course#INDEX}. Check JVMs get
 * the entry in front of the student's classes, and find the pack the way they find the built-in ones.
 */
final class PackBuild {

    private final SourceCompiler compiler = new SourceCompiler();

    /**
     * @param into an empty folder for the built pack; a sibling {@code -solution} folder holds the solution's classes
     * @throws PackException when the solution or the checks do not compile, with the compiler's messages
     */
    Path build(PackFolder pack, Path into) {
        Path solutionClasses = into.resolveSibling(into.getFileName() + "-solution");
        compileOrFail(pack, "solution", PackFolder.sources(pack.solution()), solutionClasses, List.of());
        List<Path> classpath = new ArrayList<>(HarnessLaunch.of(HarnessLaunch.currentClasspath()));
        classpath.add(solutionClasses);
        compileOrFail(pack, "checks", PackFolder.sources(pack.checks().orElseThrow()), into, classpath);
        String id = pack.exercise().id();
        try {
            Path descriptors = Files.createDirectories(into.resolve(Course.DESCRIPTORS));
            Files.copy(pack.descriptor(), descriptors.resolve(id + ".properties"));
            Files.copy(pack.contract(), into.resolve(Course.contractResource(id)));
            Files.writeString(into.resolve(Course.INDEX), "# built from " + pack.root().toAbsolutePath() + "\n" + id
                    + ".properties\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return into;
    }

    private void compileOrFail(PackFolder pack, String part, List<Path> sources, Path into, List<Path> classpath) {
        if (sources.isEmpty()) {
            throw new PackException(pack.root() + ": " + part + "/ has no .java file");
        }
        Compilation compilation = compiler.compile(sources, into, classpath);
        if (!compilation.success()) {
            throw new PackException(pack.root() + ": " + part + "/ does not compile:\n  "
                    + String.join("\n  ", compilation.diagnostics()));
        }
    }

    /** Whether {@code path} is a built pack (a folder or jar with {@value Course#INDEX}). */
    static boolean isBuilt(Path path) {
        if (Files.isDirectory(path)) {
            return Files.isRegularFile(path.resolve(Course.INDEX));
        }
        return path.getFileName().toString().endsWith(".jar") && Files.isRegularFile(path);
    }
}
