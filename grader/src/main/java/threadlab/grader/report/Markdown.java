package threadlab.grader.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The grader's plain-text messages as Markdown, for platforms that render it (Gradescope's {@code output_format: md}):
 * prose stays prose with its line breaks, and what is laid out in columns (tables, traces, compiler messages) goes
 * into a code block, so that neither loses its shape.
 */
final class Markdown {

    private static final Pattern LAID_OUT = Pattern.compile("(?m)^(\\s|\\|)|\\S {2,}\\S|^\\S+\\.java:\\d+:");
    private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>#|~])");

    private Markdown() {
    }

    /** {@code text} (paragraphs separated by blank lines) as Markdown. */
    static String of(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        List<String> blocks = new ArrayList<>();
        for (String block : text.strip().split("\\n\\s*\\n")) {
            blocks.add(LAID_OUT.matcher(block).find() ? codeBlock(block) : prose(block));
        }
        return String.join("\n\n", blocks);
    }

    /** A bold lead-in such as the status of a check. */
    static String bold(String text) {
        return "**" + escape(text) + "**";
    }

    private static String prose(String block) {
        return String.join("  \n", block.lines().map(Markdown::escape).toList());
    }

    private static String codeBlock(String block) {
        return "```\n" + block.replace("```", "`\u200b``") + "\n```";
    }

    private static String escape(String line) {
        return SPECIAL.matcher(line).replaceAll("\\\\$1");
    }
}
