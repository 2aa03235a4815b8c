package threadlab.grader.integrity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import threadlab.grader.exercise.Exercise;

/**
 * Checks a submission's compiled classes against its exercise's {@link Allowlist} before any of them runs: every
 * class, method and field the bytecode refers to — superclasses, interfaces, calls, field accesses, types created,
 * cast or loaded as constants, method handles and bootstrap methods — is read with ASM, without loading a class.
 */
public final class BytecodeScan {

    private BytecodeScan() {
    }

    /** Every use of a disallowed API in the classes under {@code classesDir}, in class and line order. */
    public static List<Violation> violations(Path classesDir, Exercise exercise) {
        Allowlist allowlist = Allowlist.of(exercise);
        List<Violation> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classesDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().collect(Collectors.toList())) {
                found.addAll(scan(file, allowlist));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static Set<Violation> scan(Path classFile, Allowlist allowlist) throws IOException {
        ClassNode node = new ClassNode();
        try (InputStream in = Files.newInputStream(classFile)) {
            new ClassReader(in).accept(node, 0);
        }
        String owner = dotted(node.name);
        Set<Violation> found = new LinkedHashSet<>();
        if (node.superName != null) {
            check(allowlist, owner, null, 0, dotted(node.superName), null, null, found);
        }
        node.interfaces.forEach(i -> check(allowlist, owner, null, 0, dotted(i), null, null, found));
        for (MethodNode method : node.methods) {
            int line = 0;
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof LineNumberNode) {
                    line = ((LineNumberNode) insn).line;
                } else {
                    instruction(allowlist, owner, method.name, line, insn, found);
                }
            }
        }
        return found;
    }

    private static void instruction(Allowlist allowlist, String owner, String method, int line, AbstractInsnNode insn,
            Set<Violation> found) {
        if (insn instanceof MethodInsnNode) {
            MethodInsnNode call = (MethodInsnNode) insn;
            if (isAllowedPropertyRead(allowlist, call)) {
                return;
            }
            check(allowlist, owner, method, line, typeName(call.owner), call.name, call.desc, found);
        } else if (insn instanceof FieldInsnNode) {
            FieldInsnNode field = (FieldInsnNode) insn;
            check(allowlist, owner, method, line, typeName(field.owner), field.name, null, found);
        } else if (insn instanceof TypeInsnNode) {
            check(allowlist, owner, method, line, typeName(((TypeInsnNode) insn).desc), null, null, found);
        } else if (insn instanceof MultiANewArrayInsnNode) {
            check(allowlist, owner, method, line, typeName(((MultiANewArrayInsnNode) insn).desc), null, null, found);
        } else if (insn instanceof LdcInsnNode) {
            constant(allowlist, owner, method, line, ((LdcInsnNode) insn).cst, found);
        } else if (insn instanceof InvokeDynamicInsnNode) {
            InvokeDynamicInsnNode indy = (InvokeDynamicInsnNode) insn;
            String bootstrap = dotted(indy.bsm.getOwner());
            if (!allowlist.allowedBootstrap(bootstrap)) {
                found.add(new Violation(owner, method, line, bootstrap + "." + indy.bsm.getName(), "reflection"));
            }
            for (Object argument : indy.bsmArgs) {
                constant(allowlist, owner, method, line, argument, found);
            }
        }
    }

    private static void constant(Allowlist allowlist, String owner, String method, int line, Object constant,
            Set<Violation> found) {
        if (constant instanceof Type && ((Type) constant).getSort() != Type.METHOD) {
            check(allowlist, owner, method, line, typeName(((Type) constant).getDescriptor()), null, null, found);
        } else if (constant instanceof Handle) {
            Handle handle = (Handle) constant;
            check(allowlist, owner, method, line, typeName(handle.getOwner()), handle.getName(), handle.getDesc(), found);
        }
    }

    /** {@code System.getProperty("java.home")}: a constant key the exercise may read. */
    private static boolean isAllowedPropertyRead(Allowlist allowlist, MethodInsnNode call) {
        if (!call.owner.equals("java/lang/System") || !call.name.equals("getProperty")
                || !call.desc.equals("(Ljava/lang/String;)Ljava/lang/String;")) {
            return false;
        }
        AbstractInsnNode previous = call.getPrevious();
        return previous instanceof LdcInsnNode && ((LdcInsnNode) previous).cst instanceof String
                && allowlist.readsProperty((String) ((LdcInsnNode) previous).cst);
    }

    private static void check(Allowlist allowlist, String owner, String method, int line, String type, String member,
            String descriptor, Set<Violation> found) {
        if (type == null) {
            return;
        }
        String why = allowlist.denial(type, member, descriptor);
        if (why != null) {
            found.add(new Violation(owner, method, line, type + (member == null ? "" : "." + member), why));
        }
    }

    /** The class an internal name or a descriptor names, arrays unwrapped; null for primitives. */
    private static String typeName(String internalNameOrDescriptor) {
        String name = internalNameOrDescriptor;
        if (name.startsWith("[") || name.length() == 1) {
            Type type = Type.getType(name);
            while (type.getSort() == Type.ARRAY) {
                type = type.getElementType();
            }
            return type.getSort() == Type.OBJECT ? type.getClassName() : null;
        }
        if (name.startsWith("L") && name.endsWith(";")) {
            return Type.getType(name).getClassName();
        }
        return dotted(name);
    }

    private static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }
}
