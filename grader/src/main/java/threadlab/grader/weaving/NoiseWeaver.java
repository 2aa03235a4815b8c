package threadlab.grader.weaving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import threadlab.grader.noise.Noise;

/**
 * Weaves scheduling-noise points ({@link Noise#point()}) into a copy of the student's compiled classes, at the
 * places where another thread interleaving matters: before taking and after releasing a monitor (blocks and
 * {@code synchronized} methods), around calls into {@code java.util.concurrent} and to {@code wait}/{@code notify},
 * and before each read or write of a field of the student's own classes. Constructors and static initializers are
 * left alone: nothing else sees the object yet.
 *
 * <p>Only instructions that take nothing from the stack are added (and calls replaced by calls with the same stack
 * effect), and no branches, so the stack map frames of each method stay valid, and the line numbers stay those of the
 * student's source (coverage and stack traces still point at their lines).
 */
public final class NoiseWeaver {

    private static final Set<String> MONITOR_METHODS = Set.of("wait", "notify", "notifyAll");
    private static final String CONDITION = "java/util/concurrent/locks/Condition";

    private NoiseWeaver() {
    }

    /**
     * Copies every class file under {@code classes} into {@code woven}, with noise points in the classes of
     * {@code javaPackage}; returns {@code woven}.
     */
    public static Path weave(Path classes, String javaPackage, Path woven) {
        String ownPrefix = javaPackage.replace('.', '/') + "/";
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = woven.resolve(classes.relativize(file).toString());
                Files.createDirectories(target.getParent());
                byte[] bytes = Files.readAllBytes(file);
                Files.write(target, file.toString().endsWith(".class") ? weave(bytes, ownPrefix) : bytes);
            }
            return woven;
        } catch (IOException e) {
            throw new UncheckedIOException("could not weave scheduling noise into " + classes, e);
        }
    }

    /** One class file with noise points where its code touches {@code ownPrefix}'s fields or synchronizes. */
    static byte[] weave(byte[] classFile, String ownPrefix) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                boolean initializer = name.equals("<init>") || name.equals("<clinit>");
                return method == null || initializer ? method
                        : new NoisePoints(method, ownPrefix, (access & Opcodes.ACC_SYNCHRONIZED) != 0);
            }
        }, 0);
        return writer.toByteArray();
    }

    /** The noise points of one method. */
    private static final class NoisePoints extends MethodVisitor {

        private static final Set<Integer> RETURNS = Set.copyOf(List.of(Opcodes.IRETURN, Opcodes.LRETURN,
                Opcodes.FRETURN, Opcodes.DRETURN, Opcodes.ARETURN, Opcodes.RETURN));

        private final String ownPrefix;
        private final boolean synchronizedMethod;

        NoisePoints(MethodVisitor next, String ownPrefix, boolean synchronizedMethod) {
            super(Opcodes.ASM9, next);
            this.ownPrefix = ownPrefix;
            this.synchronizedMethod = synchronizedMethod;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            if (synchronizedMethod) { // just after the monitor was taken
                point();
            }
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.MONITORENTER || synchronizedMethod && RETURNS.contains(opcode)) {
                point();
            }
            super.visitInsn(opcode);
            if (opcode == Opcodes.MONITOREXIT) {
                point();
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            if (owner.startsWith(ownPrefix)) {
                point();
            }
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            boolean synchronizes = owner.startsWith("java/util/concurrent/")
                    || owner.equals("java/lang/Object") && MONITOR_METHODS.contains(name);
            if (synchronizes) {
                point();
            }
            if (opcode == Opcodes.INVOKEVIRTUAL && name.equals("wait") && descriptor.equals("()V")) {
                // same stack: the monitor in, nothing out
                super.visitMethodInsn(Opcodes.INVOKESTATIC, Noise.OWNER, Noise.WAIT_METHOD, Noise.WAIT_DESCRIPTOR, false);
            } else if (owner.equals(CONDITION) && name.equals("await") && descriptor.equals("()V")) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, Noise.OWNER, Noise.AWAIT_METHOD, Noise.AWAIT_DESCRIPTOR, false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
            if (synchronizes) {
                point();
            }
        }

        private void point() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, Noise.OWNER, Noise.METHOD, Noise.DESCRIPTOR, false);
        }
    }
}
