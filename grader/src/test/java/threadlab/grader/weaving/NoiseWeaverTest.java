package threadlab.grader.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import threadlab.grader.noise.Noise;

/** Where the weaver puts noise points, and that the woven classes still verify and compute what they did. */
class NoiseWeaverTest {

    private static final String SOURCE = """
            package threadlab.demo;

            public class Tally {
                private final Object guard = new Object();
                private long count;
                private boolean free = true;

                public Tally() {
                    count = 0;
                }

                public void increment() {
                    synchronized (guard) {
                        count++;
                    }
                }

                public synchronized long get() {
                    return count;
                }

                public synchronized void take() throws InterruptedException {
                    while (!free) {
                        wait();
                    }
                    free = false;
                }

                public synchronized void release() {
                    free = true;
                    notifyAll();
                }

                public void awaitFree(java.util.concurrent.locks.Lock lock, java.util.concurrent.locks.Condition freed)
                        throws InterruptedException {
                    lock.lock();
                    try {
                        while (!free) {
                            freed.await();
                        }
                    } finally {
                        lock.unlock();
                    }
                }

                public static int pure(int x) {
                    return x * 2;
                }
            }
            """;

    @TempDir
    static Path work;
    static Path classes;
    static Path woven;

    @BeforeAll
    static void compileAndWeave() throws IOException {
        Path source = work.resolve("src/threadlab/demo/Tally.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE);
        classes = Files.createDirectories(work.resolve("classes"));
        Files.writeString(classes.resolve("notes.txt"), "not a class");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "-d", classes.toString(), source.toString())).isZero();
        woven = NoiseWeaver.weave(classes, "threadlab.demo", work.resolve("woven"));
    }

    @Test
    void pointsGoAroundMonitorsAndWaitAndBeforeTheStudentsFieldAccesses() throws IOException {
        // increment: before monitorenter, after each monitorexit (normal and exceptional path), get+put of count
        assertThat(pointsIn("increment")).isGreaterThanOrEqualTo(1 + 2 + 2 + 1); // + the read of guard
        // take: entry and return of a synchronized method, free read twice... and around wait()
        assertThat(pointsIn("take")).isGreaterThanOrEqualTo(2 + 2 + 2);
        assertThat(pointsIn("get")).isGreaterThanOrEqualTo(1 + 1 + 1);
    }

    @Test
    void untimedWaitsAndAwaitsGoThroughTheNoiseWhichMayWakeThemSpuriously() throws IOException {
        assertThat(callsIn("take", "java/lang/Object", "wait")).isZero();
        assertThat(callsIn("take", Noise.OWNER, Noise.WAIT_METHOD)).isOne();
        assertThat(callsIn("awaitFree", "java/util/concurrent/locks/Condition", "await")).isZero();
        assertThat(callsIn("awaitFree", Noise.OWNER, Noise.AWAIT_METHOD)).isOne();
    }

    @Test
    void codeThatNeitherSynchronizesNorTouchesFieldsAndConstructorsAreLeftAlone() throws IOException {
        assertThat(pointsIn("pure")).isZero();
        assertThat(pointsIn("<init>")).isZero();
    }

    @Test
    void otherFilesAreCopiedAsTheyAre() throws IOException {
        assertThat(woven.resolve("notes.txt")).hasContent("not a class");
    }

    @Test
    @Timeout(30)
    void wovenClassesVerifyAndComputeWhatTheyDidBefore() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {woven.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> tally = Class.forName("threadlab.demo.Tally", true, loader);
            Object instance = tally.getConstructor().newInstance();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Thread thread = new Thread(() -> {
                    try {
                        for (int i = 0; i < 10_000; i++) {
                            tally.getMethod("increment").invoke(instance);
                        }
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(tally.getMethod("get").invoke(instance)).isEqualTo(20_000L);
            tally.getMethod("take").invoke(instance);
            java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
            java.util.concurrent.locks.Condition freed = lock.newCondition();
            Thread freer = new Thread(() -> {
                lock.lock();
                try {
                    try {
                        tally.getMethod("release").invoke(instance);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                    freed.signalAll();
                } finally {
                    lock.unlock();
                }
            });
            freer.start();
            tally.getMethod("awaitFree", java.util.concurrent.locks.Lock.class, java.util.concurrent.locks.Condition.class)
                    .invoke(instance, lock, freed);
            freer.join();
            assertThat(tally.getMethod("pure", int.class).invoke(null, 21)).isEqualTo(42);
        }
    }

    private static int pointsIn(String method) throws IOException {
        return callsIn(method, Noise.OWNER, Noise.METHOD);
    }

    private static int callsIn(String method, String owner, String called) throws IOException {
        int[] calls = {0};
        new ClassReader(Files.readAllBytes(woven.resolve("threadlab/demo/Tally.class"))).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                if (!name.equals(method)) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String calledOwner, String calledName, String desc, boolean itf) {
                        if (calledOwner.equals(owner) && calledName.equals(called)) {
                            calls[0]++;
                        }
                    }
                };
            }
        }, 0);
        return calls[0];
    }
}
