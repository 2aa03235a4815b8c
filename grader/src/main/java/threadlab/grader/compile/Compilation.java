package threadlab.grader.compile;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of compiling a set of sources.
 *
 * @param success     whether class files were produced without errors
 * @param outputDir   where the class files are
 * @param diagnostics the compiler's messages, each as {@code file:line: kind: message}
 */
public record Compilation(boolean success, Path outputDir, List<String> diagnostics) {

    public Compilation {
        diagnostics = List.copyOf(diagnostics);
    }
}
