package threadlab.grader.checks.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lincheck's interleaving table, trimmed for a student: the scenario's own bookkeeping and the insides of JDK
 * classes (a {@code Condition.await()} is a dozen rows of {@code AbstractQueuedSynchronizer}) are cut, so that what
 * remains is the student's calls, their field reads and writes, and where each thread was switched or blocked.
 *
 * <p>The table has one column per thread; a cell's indentation is its nesting in the calls of that thread. Rows
 * nested deeper than {@link #DEPTH_SHOWN} calls are cut, except the scheduling events, which move up to that depth.
 */
final class LincheckTrace {

    /** Thread body, the scenario's lambda, the student's method, and three levels inside it. */
    private static final int DEPTH_SHOWN = 5;
    /** The main thread only sets the scenario up: its own calls, not their insides. */
    private static final int MAIN_THREAD_DEPTH_SHOWN = 1;
    private static final Pattern EVENT = Pattern.compile("(switch|PARK|UNPARK|WAIT|NOTIFY|MONITORENTER|MONITOREXIT)\\b.*"
            + "|.*\\bthrew\\b.*");
    /** The run counter {@link ModelChecking} keeps: bookkeeping, not the scenario. */
    private static final Pattern RUN_COUNTER = Pattern.compile("AtomicInteger#\\d+\\.incrementAndGet\\(\\): \\d+");

    private LincheckTrace() {
    }

    static String trim(String table) {
        List<String> out = new ArrayList<>();
        for (String line : table.lines().toList()) {
            if (!line.startsWith("| ") || line.startsWith("| -") || !line.endsWith("|")) {
                out.add(line);
                continue;
            }
            String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
            boolean header = out.size() >= 2 && out.get(out.size() - 1).startsWith("| -") && !isRow(out.get(out.size() - 2));
            boolean kept = header;
            for (int column = 0; column < cells.length && !header; column++) {
                cells[column] = trimmed(cells[column], column == 0 ? MAIN_THREAD_DEPTH_SHOWN : DEPTH_SHOWN);
                kept |= !cells[column].isBlank();
            }
            if (kept) {
                out.add("|" + String.join("|", cells) + "|");
            }
        }
        return String.join("\n", out);
    }

    private static boolean isRow(String line) {
        return line.startsWith("| ") && !line.startsWith("| -");
    }

    /** The cell as shown: blank if cut, an event moved up to the depth shown, otherwise unchanged. */
    private static String trimmed(String cell, int depthShown) {
        String text = cell.strip();
        if (text.isEmpty() || RUN_COUNTER.matcher(text).matches()) {
            return " ".repeat(cell.length());
        }
        int depth = (cell.length() - cell.stripLeading().length() - 1) / 2;
        if (depth <= depthShown) {
            return cell;
        }
        if (!EVENT.matcher(text).matches()) {
            return " ".repeat(cell.length());
        }
        String moved = " " + "  ".repeat(depthShown + 1) + text;
        return moved.length() <= cell.length() ? moved + " ".repeat(cell.length() - moved.length()) : cell;
    }
}
