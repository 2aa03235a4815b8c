package threadlab.grader.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only log of check events, one JSON object per line, flushed after every line: whatever
 * kills the JVM afterwards, the events written so far survive.
 */
public final class EventLog implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BufferedWriter out;

    private EventLog(BufferedWriter out) {
        this.out = out;
    }

    static EventLog appendingTo(Path file) throws IOException {
        return new EventLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    }

    synchronized void write(CheckEvent event) {
        try {
            out.write(JSON.writeValueAsString(event));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every complete line of {@code file}; a torn last line (the JVM died mid-write) is ignored. */
    public static List<CheckEvent> read(Path file) {
        List<CheckEvent> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return events;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    events.add(JSON.readValue(line, CheckEvent.class));
                } catch (IOException torn) {
                    // only the last line can be torn, when the JVM was killed while writing it
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
