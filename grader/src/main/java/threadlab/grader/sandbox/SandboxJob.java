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
 */
public record SandboxJob(String mainClass, List<String> arguments, List<Path> classpath, Duration timeLimit,
                         String resultFile, Path resultsDir) {

    public SandboxJob {
        arguments = List.copyOf(arguments);
        classpath = List.copyOf(classpath);
    }
}
