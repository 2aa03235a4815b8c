package threadlab.processmap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StreamCorruptedException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Length-prefixed frames, each holding one serialized object.
 *
 * <p>Each message is serialized on its own, into memory, before a byte is written: an object that
 * cannot be serialized fails there, and the pipe never carries half a message. Each frame starts with a
 * marker: bytes that are not a frame (something printed on the worker's stdout) are reported as such,
 * instead of being read as a length and allocated.
 */
final class Frames {

    private static final int MARKER = 0x544C4652; // "TLFR"

    private Frames() {
    }

    static byte[] serialize(Object message) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(message);
        }
        return bytes.toByteArray();
    }

    static void write(DataOutputStream out, byte[] frame) throws IOException {
        out.writeInt(MARKER);
        out.writeInt(frame.length);
        out.write(frame);
        out.flush();
    }

    /** Reads one frame; {@link java.io.EOFException} when the other side closed the pipe. */
    static Object read(DataInputStream in) throws IOException, ClassNotFoundException {
        int marker = in.readInt();
        if (marker != MARKER) {
            byte[] start = ByteBuffer.allocate(Integer.BYTES).putInt(marker).array();
            throw new StreamCorruptedException("the other side wrote something that is not a frame, starting with \""
                    + new String(start, StandardCharsets.ISO_8859_1) + "\"");
        }
        byte[] frame = new byte[in.readInt()];
        in.readFully(frame);
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(frame))) {
            return objects.readObject();
        }
    }
}
