package threadlab.grader.checks.processmap;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import threadlab.grader.benchmark.CpuWork;

/**
 * A worker process of {@link ReferenceProcessMap}: reads chunks (task size, count, task indexes) from standard
 * input, answers each task's prime count on standard output, and ends when its input does.
 */
final class ReferenceProcessMapWorker {

    private ReferenceProcessMapWorker() {
    }

    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(System.out));
        while (true) {
            int span;
            try {
                span = in.readInt();
            } catch (EOFException end) {
                return;
            }
            CpuWork work = new CpuWork(span);
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                out.writeLong(work.primes(in.readInt()));
            }
            out.flush();
        }
    }
}
