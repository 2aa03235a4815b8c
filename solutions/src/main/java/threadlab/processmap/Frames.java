package threadlab.processmap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/**
 * Length-prefixed frames, each holding one serialized object.
 *
 * <p>Each message is serialized on its own, into memory, before a byte is written: an object that
 * cannot be serialized fails there, and the pipe never carries half a message.
 */
final class Frames {

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
        out.writeInt(frame.length);
        out.write(frame);
        out.flush();
    }

    /** Reads one frame; {@link java.io.EOFException} when the other side closed the pipe. */
    static Object read(DataInputStream in) throws IOException, ClassNotFoundException {
        byte[] frame = new byte[in.readInt()];
        in.readFully(frame);
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(frame))) {
            return objects.readObject();
        }
    }
}
