package threadlab.grader.compile;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles Java sources in-process with {@code javax.tools}, for {@code --release 17}. */
public final class SourceCompiler {

    /** The Java release every exercise is compiled for. */
    public static final String RELEASE = "17";

    private final JavaCompiler compiler;

    public SourceCompiler() {
        compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run the grader with a JDK, not a JRE");
        }
    }

    /** Compiles every {@code .java} file below {@code sourceRoot} into {@code outputDir}. */
    public Compilation compileTree(Path sourceRoot, Path outputDir) {
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return compile(files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList()),
                    outputDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles {@code sources} into {@code outputDir}; errors come back as diagnostics, not exceptions. */
    public Compilation compile(List<Path> sources, Path outputDir) {
        return compile(sources, outputDir, List.of());
    }

    /** Compiles {@code sources} against {@code classpath} (empty: javac's default) into {@code outputDir}. */
    public Compilation compile(List<Path> sources, Path outputDir, List<Path> classpath) {
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        StringWriter otherOutput = new StringWriter();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("--release", RELEASE, "-encoding", "UTF-8", "-proc:none",
                    "-d", outputDir.toString(), "-implicit:class", "-sourcepath", ""));
            if (!classpath.isEmpty()) {
                options.addAll(List.of("-classpath", classpath.stream().map(Path::toString)
                        .collect(Collectors.joining(java.io.File.pathSeparator))));
            }
            boolean ok = compiler.getTask(otherOutput, files, collector, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            return new Compilation(ok, outputDir, describe(collector, otherOutput));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> describe(DiagnosticCollector<JavaFileObject> collector, StringWriter otherOutput) {
        List<String> messages = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
                    || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
                String file = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":" + d.getLineNumber() + ": ";
                messages.add(file + d.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
                        + d.getMessage(Locale.ROOT));
            }
        }
        if (!otherOutput.toString().isBlank()) {
            messages.add(otherOutput.toString().strip());
        }
        return messages;
    }
}
