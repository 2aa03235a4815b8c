package threadlab.grader.harness;

import java.io.File;
import java.io.IOException;

/** What every JVM that runs student code does first, before any student class is loaded. */
public final class HarnessJvm {

    private HarnessJvm() {
    }

    /**
     * Takes the run's secret from standard input (see {@link ResultChannel}), and makes child JVMs that checks or
     * student code start (the process map's workers) take the harness with them: they inherit this JVM's
     * {@code java.class.path}, where the harness becomes an ordinary entry beside the student's classes, since the
     * functions a check sends to a worker are the harness's. Such a child holds no secret.
     *
     * @return the run's secret
     */
    public static String start() throws IOException {
        String secret = ResultChannel.secretFromStandardInput();
        String modulePath = System.getProperty("jdk.module.path", "");
        if (!modulePath.isEmpty()) {
            System.setProperty("java.class.path", modulePath + File.pathSeparator
                    + System.getProperty("java.class.path", ""));
        }
        return secret;
    }
}
