package threadlab.grader.sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A program for the sandbox tests: writes what it sees of its sandbox to {@code probe.txt}, then, with the
 * argument {@code hang}, never ends (as student code may).
 */
public final class SandboxProbe {

    private SandboxProbe() {
    }

    public static void main(String[] args) throws Exception {
        String facts = "cpus=" + Runtime.getRuntime().availableProcessors() + "\nnetwork=" + network() + "\n";
        Files.writeString(Path.of("probe.txt"), facts);
        if (args.length > 0 && args[0].equals("hang")) {
            new java.util.concurrent.CountDownLatch(1).await();
        }
    }

    private static String network() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("10.255.255.1", 80), 1_000);
            return "reachable";
        } catch (IOException e) {
            return "unreachable (" + e.getClass().getSimpleName() + ")";
        }
    }
}
