package threadlab.grader.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A Java program to run in a sandbox.
 *
 * @param mainClass  the class whose {@code main} runs
 * @param arguments  its arguments; paths among them are relative to the sandbox's working folder
 * @param classpath  folders and jars on this machine, made available inside the sandbox in this order
 * @param timeLimit  wall-clock limit; past it everything the program started is killed
 * @param resultFile a file the program writes in its working folder, copied out even after a time-out
 * @param resultsDir the folder on this machine that receives {@code resultFile}
 * @param inputs     files and folders on this machine the program reads, at {@code input/<name>} in its working folder
 * @param mirrored   folders and files the program finds by their absolute path (tools such as vmlens' agent), made
 *                   available at the same path; the class path is always available at the same paths
 * @param secret     the run's secret, given to the program as the first line of its standard input and nowhere
 *                   else; empty for a program that needs none
 * @param modulePath the module path, made available like the class path; empty for a class-path program
 * @param mainModule the named module holding {@code mainClass}, which reads the class path; null for a
 *                   class-path program
 * @param trusted    the program is the grader itself (batch grading), which contains the student code it runs: it
 *                   runs as root inside a container; any other job runs student code and is contained itself
 */
public record SandboxJob(String mainClass, List<String> arguments, List<Path> classpath, Duration timeLimit,
                         String resultFile, Path resultsDir, List<Path> inputs, List<Path> mirrored, String secret,
                         List<Path> modulePath, String mainModule, boolean trusted) {

    /** The folder, relative to the working folder, that holds the {@link #inputs}. */
    public static final String INPUT = "input";

    public SandboxJob {
        arguments = List.copyOf(arguments);
        classpath = List.copyOf(classpath);
        inputs = List.copyOf(inputs);
        mirrored = List.copyOf(mirrored);
        modulePath = List.copyOf(modulePath);
        if (!secret.matches("[0-9a-f]*")) {
            throw new IllegalArgumentException("a secret is hex digits");
        }
    }

    /** A class-path program with inputs and mirrored paths. */
    public SandboxJob(String mainClass, List<String> arguments, List<Path> classpath, Duration timeLimit,
            String resultFile, Path resultsDir, List<Path> inputs, List<Path> mirrored, String secret) {
        this(mainClass, arguments, classpath, timeLimit, resultFile, resultsDir, inputs, mirrored, secret, List.of(), null,
                false);
    }

    /** A class-path program that reads nothing but its class path and its secret. */
    public SandboxJob(String mainClass, List<String> arguments, List<Path> classpath, Duration timeLimit,
            String resultFile, Path resultsDir, String secret) {
        this(mainClass, arguments, classpath, timeLimit, resultFile, resultsDir, List.of(), List.of(), secret);
    }

    /** This job, with {@code mainClass} in the named module {@code module} found on {@code path}. */
    public SandboxJob onModulePath(List<Path> path, String module) {
        return new SandboxJob(mainClass, arguments, classpath, timeLimit, resultFile, resultsDir, inputs, mirrored,
                secret, path, module, trusted);
    }

    /** This job, as the grader itself: see {@link #trusted()}. */
    public SandboxJob asGrader() {
        return new SandboxJob(mainClass, arguments, classpath, timeLimit, resultFile, resultsDir, inputs, mirrored,
                secret, modulePath, mainModule, true);
    }

    /**
     * The launcher's arguments that name the code to run and its arguments.
     *
     * @param separator between path entries
     * @param placed    where the sandbox put each class or module path entry
     */
    public List<String> launch(String separator, UnaryOperator<Path> placed) {
        List<String> launch = new ArrayList<>();
        if (mainModule != null) {
            launch.addAll(List.of("--module-path", joined(modulePath, separator, placed),
                    "--add-reads", mainModule + "=ALL-UNNAMED"));
        }
        launch.addAll(List.of("-cp", joined(classpath, separator, placed)));
        launch.addAll(mainModule != null ? List.of("-m", mainModule + "/" + mainClass) : List.of(mainClass));
        launch.addAll(arguments);
        return launch;
    }

    private static String joined(List<Path> paths, String separator, UnaryOperator<Path> placed) {
        return paths.stream().map(p -> placed.apply(p.toAbsolutePath()).toString()).collect(Collectors.joining(separator));
    }

    /** The job's standard input: its secret on a line, then end-of-input. */
    public String stdin() {
        return secret.isEmpty() ? "" : secret + "\n";
    }
}
