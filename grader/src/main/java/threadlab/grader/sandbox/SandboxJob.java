package threadlab.grader.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
 */
public record SandboxJob(String mainClass, List<String> arguments, List<Path> classpath, Duration timeLimit,
                         String resultFile, Path resultsDir, List<Path> inputs, List<Path> mirrored, String secret) {

    /** The folder, relative to the working folder, that holds the {@link #inputs}. */
    public static final String INPUT = "input";

    public SandboxJob {
        arguments = List.copyOf(arguments);
        classpath = List.copyOf(classpath);
        inputs = List.copyOf(inputs);
        mirrored = List.copyOf(mirrored);
        if (!secret.matches("[0-9a-f]*")) {
            throw new IllegalArgumentException("a secret is hex digits");
        }
    }

    /** A job that reads nothing but its class path and its secret. */
    public SandboxJob(String mainClass, List<String> arguments, List<Path> classpath, Duration timeLimit,
            String resultFile, Path resultsDir, String secret) {
        this(mainClass, arguments, classpath, timeLimit, resultFile, resultsDir, List.of(), List.of(), secret);
    }

    /** The job's standard input: its secret on a line, then end-of-input. */
    public String stdin() {
        return secret.isEmpty() ? "" : secret + "\n";
    }
}
