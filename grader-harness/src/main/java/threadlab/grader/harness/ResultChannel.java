package threadlab.grader.harness;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The channel through which results leave a JVM that runs student code: an append-only file of records, each
 * sealed with an HMAC keyed by a per-run secret and numbered in order.
 *
 * <p>The host makes the secret and hands it to the JVM on its standard input, which the harness reads before any
 * student class is loaded and then closes; it is never on a command line, in a file or in the environment. Student
 * code can write the file (if it could reach it at all), but cannot seal a record, move one or replay one: the host
 * keeps only the sealed prefix in sequence and reports anything after it as tampering. Flushed after every
 * record, so whatever kills the JVM, the records written so far survive.
 */
public final class ResultChannel implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALGORITHM = "HmacSHA256";

    private final BufferedWriter out;
    private final Mac mac;
    private long next;

    private ResultChannel(BufferedWriter out, byte[] secret) {
        this.out = out;
        this.mac = mac(secret);
    }

    /** A fresh secret for one run, as the hex text the host writes to the JVM's standard input. */
    public static String newSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    /**
     * Reads the run's secret, the first line of standard input, and leaves student code an input that is at its end.
     * Call it first thing in {@code main}.
     */
    public static String secretFromStandardInput() throws IOException {
        InputStream in = System.in;
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
        System.setIn(InputStream.nullInputStream());
        in.close();
        if (line == null || !line.matches("[0-9a-f]{64}")) {
            throw new IOException("the run's secret was not on standard input");
        }
        return line;
    }

    /** Opens {@code file} for sealed records. */
    public static ResultChannel appendingTo(Path file, String secret) throws IOException {
        return new ResultChannel(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), HexFormat.of().parseHex(secret));
    }

    synchronized void write(CheckEvent event) {
        try {
            String body = JSON.writeValueAsString(event.numbered(next++));
            out.write(seal(mac, body));
            out.write(' ');
            out.write(body);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /**
     * What a channel holds: the records sealed with {@code secret}, in sequence, up to the first that is not; and
     * whether anything followed them that was not a torn last line (a JVM killed mid-write tears only its last).
     */
    public record Reading(List<CheckEvent> events, boolean tampered) {
    }

    /** Reads a channel the host handed {@code secret} to. */
    public static Reading read(Path file, String secret) {
        List<CheckEvent> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Reading(events, false);
        }
        Mac mac = mac(HexFormat.of().parseHex(secret));
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean last = i == lines.length - 1;
            if (last && line.isEmpty()) {
                break;
            }
            CheckEvent event = verified(mac, line, events.size());
            if (event == null) {
                boolean torn = last; // no newline after it: the JVM died while writing
                return new Reading(events, !torn);
            }
            events.add(event);
        }
        return new Reading(events, false);
    }

    private static CheckEvent verified(Mac mac, String line, long expectedSequence) {
        int space = line.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String body = line.substring(space + 1);
        byte[] given = line.substring(0, space).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, seal(mac, body).getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        try {
            CheckEvent event = JSON.readValue(body, CheckEvent.class);
            return event.sequence() == expectedSequence ? event : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Seals any text with {@code secret}: the benchmark's results file uses the same seal. */
    public static String seal(String secret, String text) {
        return seal(mac(HexFormat.of().parseHex(secret)), text);
    }

    /** A whole document sealed for a file: its seal on the first line, then the text. */
    public static String sealedDocument(String secret, String text) {
        return seal(secret, text) + "\n" + text;
    }

    /** The text of a document {@link #sealedDocument} made with {@code secret}; empty if it is not one. */
    public static Optional<String> unsealedDocument(String secret, String document) {
        int newline = document.indexOf('\n');
        if (newline < 0) {
            return Optional.empty();
        }
        String text = document.substring(newline + 1);
        return isSealed(secret, text, document.substring(0, newline)) ? Optional.of(text) : Optional.empty();
    }

    /** Whether {@code seal} is {@code text}'s seal under {@code secret}. */
    public static boolean isSealed(String secret, String text, String seal) {
        return MessageDigest.isEqual(seal(secret, text).getBytes(StandardCharsets.US_ASCII),
                seal.getBytes(StandardCharsets.US_ASCII));
    }

    private static String seal(Mac mac, String text) {
        synchronized (mac) {
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static Mac mac(byte[] secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no " + ALGORITHM, e);
        }
    }
}
