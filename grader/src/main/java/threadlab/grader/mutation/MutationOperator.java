package threadlab.grader.mutation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Concurrency mutation operators, after ConMAn (Bradbury, Cordy and Dingel, 2006), as edits of source lines: each
 * finds the places it applies to in a file and gives the file as it would be with one of them changed. The edits
 * are the mistakes students make; none adds a pause to widen a window.
 */
public enum MutationOperator {

    /** ConMAn RSK: a method loses its {@code synchronized}. */
    REMOVE_SYNCHRONIZED_METHOD("remove synchronized from a method") {
        private final Pattern method = Pattern.compile("^(\\s*(?:(?:public|protected|private|static|final)\\s+)*)synchronized\\s+(?!\\()");

        @Override
        String mutate(List<String> lines, int at) {
            return replaced(method, lines.get(at), "$1");
        }
    },
    /** ConMAn RSB: a {@code synchronized (x)} block becomes a plain block. */
    REMOVE_SYNCHRONIZED_BLOCK("remove a synchronized block") {
        private final Pattern block = Pattern.compile("^(\\s*)synchronized\\s*\\(.*\\)\\s*\\{\\s*$");

        @Override
        String mutate(List<String> lines, int at) {
            return replaced(block, lines.get(at), "$1{");
        }
    },
    /** ConMAn RNA-like: wake one waiter where all had to be woken. */
    NOTIFY_ALL_TO_NOTIFY("notifyAll to notify, signalAll to signal") {
        @Override
        String mutate(List<String> lines, int at) {
            String line = lines.get(at);
            String mutated = line.replace("notifyAll()", "notify()").replace("signalAll()", "signal()");
            return mutated.equals(line) ? null : mutated;
        }
    },
    /** ConMAn RNA: the wake-up call is gone. */
    DROP_WAKE_UP("drop a notify or signal") {
        private final Pattern wakeUp = Pattern.compile("^(\\s*)[\\w.]*\\b(notifyAll|notify|signalAll|signal)\\(\\);\\s*(//.*)?$");

        @Override
        String mutate(List<String> lines, int at) {
            return replaced(wakeUp, lines.get(at), "$1; // mutant: no wake-up");
        }
    },
    /** The classic: the condition around a wait is tested once, not again after waking. */
    WHILE_TO_IF("while to if around a wait") {
        private final Pattern loop = Pattern.compile("^(\\s*)while(\\s*\\(.*\\)\\s*\\{\\s*)$");
        private final Pattern waits = Pattern.compile("\\b(wait|await|awaitNanos|timedWait)\\(");

        @Override
        String mutate(List<String> lines, int at) {
            Matcher m = loop.matcher(lines.get(at));
            if (!m.find()) {
                return null;
            }
            for (int next = at + 1; next < Math.min(lines.size(), at + 5); next++) {
                if (waits.matcher(lines.get(next)).find()) {
                    return m.group(1) + "if" + m.group(2);
                }
            }
            return null;
        }
    },
    /** ConMAn RVK: a field loses {@code volatile}. */
    DROP_VOLATILE("drop volatile") {
        @Override
        String mutate(List<String> lines, int at) {
            String line = lines.get(at);
            return line.matches(".*\\bvolatile\\s.*") && !line.strip().startsWith("//") && !line.strip().startsWith("*")
                    ? line.replaceFirst("\\bvolatile\\s+", "") : null;
        }
    },
    /** A {@code lock()} (or {@code lockInterruptibly()}) and the {@code unlock()} that follows it are both gone. */
    DROP_LOCK_PAIR("drop a lock()/unlock() pair") {
        private final Pattern lock = Pattern.compile("^(\\s*)(\\w+)\\.(lock|lockInterruptibly)\\(\\);\\s*$");

        @Override
        String mutate(List<String> lines, int at) {
            return lock.matcher(lines.get(at)).find() ? lines.get(at).replaceFirst("\\S.*", "; // mutant: no lock") : null;
        }

        @Override
        List<String> mutatedFile(List<String> lines, int at) {
            Matcher m = lock.matcher(lines.get(at));
            if (!m.find()) {
                return null;
            }
            Pattern unlock = Pattern.compile("^\\s*" + Pattern.quote(m.group(2)) + "\\.unlock\\(\\);\\s*$");
            for (int next = at + 1; next < lines.size(); next++) {
                if (unlock.matcher(lines.get(next)).find()) {
                    List<String> file = new ArrayList<>(lines);
                    file.set(at, mutate(lines, at));
                    file.set(next, lines.get(next).replaceFirst("\\S.*", "; // mutant: no unlock"));
                    return file;
                }
            }
            return null;
        }
    },
    /** A timed wait given 0: wait forever ({@code wait(0)}), or not at all (a spin). */
    ZERO_TIMED_WAIT("pass 0 to a timed wait") {
        private final Pattern timed = Pattern.compile(
                "\\b(awaitNanos|wait)\\(([^()]+)\\)|\\btimedWait\\(([^,()]+),\\s*[^()]+\\)|\\bawait\\(([^,()]+),");

        /** A method's declaration, whose parameters look like a call's arguments: not a wait. */
        private final Pattern declaration = Pattern.compile("^\\s*(public|protected|private)\\s");

        @Override
        String mutate(List<String> lines, int at) {
            Matcher m = timed.matcher(lines.get(at));
            if (declaration.matcher(lines.get(at)).find() || !m.find()) {
                return null;
            }
            String replacement = m.group(1) != null ? m.group(1) + "(0)"
                    : m.group(3) != null ? "timedWait(" + m.group(3) + ", 0)" : "await(0,";
            return lines.get(at).substring(0, m.start()) + replacement + lines.get(at).substring(m.end());
        }
    };

    private final String description;

    MutationOperator(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** {@code line} with the first match of {@code pattern} replaced, or null where it does not match. */
    private static String replaced(Pattern pattern, String line, String replacement) {
        Matcher m = pattern.matcher(line);
        return m.find() ? m.replaceFirst(replacement) : null;
    }

    /** The line at {@code at} as this operator changes it, or null where it does not apply. */
    abstract String mutate(List<String> lines, int at);

    /** The whole file with the change at {@code at}, or null where the operator does not apply. */
    List<String> mutatedFile(List<String> lines, int at) {
        String mutated = mutate(lines, at);
        if (mutated == null) {
            return null;
        }
        List<String> file = new ArrayList<>(lines);
        file.set(at, mutated);
        return file;
    }
}
