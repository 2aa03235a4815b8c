package threadlab.grader.interleavings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Decides which vmlens data races to believe, from the bytecode of the student's classes.
 *
 * <p>vmlens 1.2.17 reports false data races on correct code guarded by {@code synchronized} together with
 * {@code wait}/{@code notify}, or by a {@code Semaphore} (measured; see the grader's docs). A reported race is
 * therefore confirmed only when the student's method that vmlens names accesses the field while holding nothing:
 * outside a {@code synchronized} method or block, and not between a call that acquires a lock or permit
 * ({@code lock}, {@code acquire}, ..., or a helper of the student's that does) and the call that releases it.
 * Private helpers count as guarded when every call to them is. The scan follows each method's control flow from
 * acquire to release, which matches the lock/try/finally shapes students write. A race on a field outside the
 * student's classes is never confirmed.
 */
public final class RaceCorroboration {

    private static final Set<String> ACQUIRE = Set.of("lock", "lockInterruptibly", "tryLock", "acquire",
            "acquireUninterruptibly", "tryAcquire");
    private static final Set<String> RELEASE = Set.of("unlock", "release");

    private final Map<String, MethodNode> methods = new HashMap<>(); // by owner.name+descriptor
    private final Map<String, Integer> netAcquires = new HashMap<>();
    private final Map<MethodNode, int[]> heldBefore = new HashMap<>(); // control-flow analysis, once per method

    private RaceCorroboration(List<ClassNode> classes) {
        for (ClassNode type : classes) {
            for (MethodNode method : type.methods) {
                methods.put(type.name + "." + method.name + method.desc, method);
            }
        }
        // Helpers that acquire (or release) for their caller: two rounds reach helpers of helpers.
        for (int round = 0; round < 2; round++) {
            methods.forEach((key, method) -> netAcquires.put(key, netAcquire(method)));
        }
    }

    /** Reads every class file under {@code classesDir}. */
    public static RaceCorroboration of(Path classesDir) {
        List<ClassNode> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classesDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
                try (InputStream in = Files.newInputStream(file)) {
                    ClassNode type = new ClassNode();
                    new ClassReader(in).accept(type, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                    classes.add(type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RaceCorroboration(classes);
    }

    /** The racy accesses made in student methods that hold no lock at that point: each one a real data race. */
    public List<RaceAccess> unguarded(List<RaceAccess> races) {
        return races.stream().filter(this::unguarded).collect(Collectors.toList());
    }

    private boolean unguarded(RaceAccess race) {
        String prefix = race.methodOwner() + "." + race.methodName() + "(";
        return methods.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .anyMatch(e -> unguardedAccessTo(e.getValue(), race.fieldOwner(), race.fieldName())
                        && reachedUnguarded(e.getKey(), 0));
    }

    /** A public method is called from anywhere; a private helper holds nothing only if some call to it holds nothing. */
    private boolean reachedUnguarded(String key, int depth) {
        MethodNode method = methods.get(key);
        if ((method.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC)) == 0 || depth > 4) {
            return true;
        }
        List<String> callers = callersOf(key);
        return callers.isEmpty()
                || callers.stream().anyMatch(c -> unguardedCallTo(methods.get(c), key) && reachedUnguarded(c, depth + 1));
    }

    private List<String> callersOf(String key) {
        return methods.entrySet().stream().filter(e -> calls(e.getValue(), key)).map(Map.Entry::getKey)
                .collect(Collectors.toList());
    }

    private static boolean calls(MethodNode method, String key) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && key.equals(call.owner + "." + call.name + call.desc)) {
                return true;
            }
        }
        return false;
    }

    private boolean unguardedAccessTo(MethodNode method, String owner, String field) {
        return scan(method, insn -> insn instanceof FieldInsnNode access && access.owner.equals(owner)
                && access.name.equals(field));
    }

    private boolean unguardedCallTo(MethodNode method, String key) {
        return scan(method, insn -> insn instanceof MethodInsnNode call && key.equals(call.owner + "." + call.name + call.desc));
    }

    /** Whether an instruction {@code wanted} matches sits where the method holds no monitor, lock or permit. */
    private boolean scan(MethodNode method, java.util.function.Predicate<AbstractInsnNode> wanted) {
        if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            return false;
        }
        int[] held = heldBefore.computeIfAbsent(method, this::heldBefore);
        AbstractInsnNode[] insns = method.instructions.toArray();
        for (int i = 0; i < insns.length; i++) {
            if (held[i] == 0 && wanted.test(insns[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many monitors, locks and permits the method holds before each instruction, following its control flow
     * (an early return inside a synchronized block must not make the code after it look unguarded); -1 where
     * unreachable.
     */
    private int[] heldBefore(MethodNode method) {
        AbstractInsnNode[] insns = method.instructions.toArray();
        int[] held = new int[insns.length];
        java.util.Arrays.fill(held, -1);
        java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
        reach(held, work, 0, 0);
        while (!work.isEmpty()) {
            while (!work.isEmpty()) {
                int i = work.pop();
                AbstractInsnNode insn = insns[i];
                int after = Math.max(0, held[i] + heldChange(insn));
                for (int next : successors(method, insn, i)) {
                    reach(held, work, next, after);
                }
            }
            for (TryCatchBlockNode handler : method.tryCatchBlocks) {
                int start = method.instructions.indexOf(handler.start);
                int entry = method.instructions.indexOf(handler.handler);
                if (held[start] >= 0) {
                    reach(held, work, entry, held[start]);
                }
            }
        }
        return held;
    }

    private static void reach(int[] held, java.util.ArrayDeque<Integer> work, int index, int depth) {
        if (index < held.length && held[index] < 0) {
            held[index] = depth;
            work.push(index);
        }
    }

    private static List<Integer> successors(MethodNode method, AbstractInsnNode insn, int index) {
        List<Integer> next = new ArrayList<>();
        int opcode = insn.getOpcode();
        if (insn instanceof JumpInsnNode jump) {
            next.add(method.instructions.indexOf(jump.label));
            if (opcode != Opcodes.GOTO) {
                next.add(index + 1);
            }
        } else if (insn instanceof TableSwitchInsnNode table) {
            next.add(method.instructions.indexOf(table.dflt));
            table.labels.forEach(l -> next.add(method.instructions.indexOf(l)));
        } else if (insn instanceof LookupSwitchInsnNode lookup) {
            next.add(method.instructions.indexOf(lookup.dflt));
            lookup.labels.forEach(l -> next.add(method.instructions.indexOf(l)));
        } else if (opcode != Opcodes.ATHROW && (opcode < Opcodes.IRETURN || opcode > Opcodes.RETURN)) {
            next.add(index + 1);
        }
        return next;
    }

    private int heldChange(AbstractInsnNode insn) {
        if (insn.getOpcode() == Opcodes.MONITORENTER) {
            return 1;
        }
        if (insn.getOpcode() == Opcodes.MONITOREXIT) {
            return -1;
        }
        if (insn instanceof MethodInsnNode call) {
            if (ACQUIRE.contains(call.name)) {
                return 1;
            }
            if (RELEASE.contains(call.name)) {
                return -1;
            }
            return Integer.signum(netAcquires.getOrDefault(call.owner + "." + call.name + call.desc, 0));
        }
        return 0;
    }

    private int netAcquire(MethodNode method) {
        int net = 0;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn.getOpcode() != Opcodes.MONITORENTER && insn.getOpcode() != Opcodes.MONITOREXIT) {
                net += heldChange(insn);
            }
        }
        return net;
    }
}
