package threadlab.processmap;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of a worker process: reads chunks from stdin and answers on stdout until stdin
 * closes (the parent closed it, or the parent died).
 */
public final class Worker {

    private Worker() {
    }

    public static void main(String[] args) throws Exception {
        // stdout carries the protocol; anything the user's function prints goes to stderr instead,
        // or it would corrupt the frames.
        DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err);
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        while (true) {
            Messages.Chunk chunk;
            try {
                chunk = (Messages.Chunk) Frames.read(in);
            } catch (EOFException parentGone) {
                return;
            }
            Frames.write(out, answer(chunk));
        }
    }

    private static byte[] answer(Messages.Chunk chunk) throws IOException {
        List<Object> results = new ArrayList<>(chunk.items().size());
        for (int i = 0; i < chunk.items().size(); i++) {
            try {
                results.add(chunk.fn().apply(chunk.items().get(i)));
            } catch (Throwable t) {
                return Frames.serialize(Messages.ChunkResult.failure(i, RemoteFailure.of(t)));
            }
        }
        try {
            return Frames.serialize(Messages.ChunkResult.success(results));
        } catch (IOException unserializableResult) {
            // A result that cannot travel back is a failure of the task, not a broken pipe.
            return Frames.serialize(Messages.ChunkResult.failure(0, RemoteFailure.of(new IllegalStateException(
                    "a result of this chunk cannot be sent back to the parent: " + unserializableResult))));
        }
    }
}
