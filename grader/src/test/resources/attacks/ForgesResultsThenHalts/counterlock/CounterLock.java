package threadlab.counterlock;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/** Attack: appends "passed" records for every check to the check JVM's results file, then halts the JVM. */
public final class CounterLock {

    static {
        String[] words = System.getProperty("sun.java.command", "").split(" ");
        StringBuilder forged = new StringBuilder();
        long sequence = 0;
        for (int i = 4; i < words.length; i++) {
            forged.append("00 {\"sequence\":").append(sequence++).append(",\"type\":\"STARTED\",\"check\":\"")
                    .append(words[i]).append("\"}\n");
            forged.append("00 {\"sequence\":").append(sequence++).append(",\"type\":\"FINISHED\",\"check\":\"")
                    .append(words[i]).append("\",\"status\":\"passed\",\"reason\":\"none\",\"durationMs\":1}\n");
        }
        forged.append("00 {\"sequence\":").append(sequence).append(",\"type\":\"COMPLETED\"}\n");
        try {
            Files.writeString(Path.of(words[1]), forged, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            Files.writeString(Path.of("events.jsonl"), forged, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            System.out.println("ATTACK wrote forged records to " + words[1]);
        } catch (Exception e) {
            System.out.println("ATTACK could not write: " + e);
        }
        Runtime.getRuntime().halt(0);
    }

    public void lock() {
    }

    public boolean tryLock() {
        return true;
    }

    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        return true;
    }

    public void unlock() {
    }

    public boolean isLocked() {
        return false;
    }

    public boolean isHeldByCurrentThread() {
        return false;
    }
}
