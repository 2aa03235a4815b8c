package threadlab.counterlock;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/** Attack: a shutdown hook appends "passed" records for every check once the harness has finished. */
public final class CounterLock {

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(CounterLock::forge));
    }

    public CounterLock() {
        throw new UnsupportedOperationException("CounterLock(): not implemented yet.");
    }

    private static void forge() {
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
