package pagelab.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The block structure of a Markdown text, without its words: its headings by level, code blocks, tables by rows and
 * lists by items, in order. A translation says the same in other words, so its outline is its original's: a heading,
 * a diagram, a table row or a bullet of the task that the original has and the translation lacks shows up as a
 * difference, whatever the language.
 *
 * <p>Reads the Markdown the exercises' instructions use: ATX headings ({@code ## title}), fenced code blocks
 * ({@code ```}), pipe tables, and lists whose items start at the line's beginning ({@code - }, {@code * },
 * {@code 1. }); an item's continuation lines are indented. A {@code #} inside a code block is code, not a heading.
 *
 * @since 0.1.1
 */
public final class MarkdownOutline {
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s.*");
    private static final Pattern ITEM = Pattern.compile("^([-*]|\\d+\\.)\\s.*");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\|?\\s*:?-{3,}.*");

    /**
     * One block of the outline.
     *
     * @param kind what it is, with what must match: {@code h2}, {@code code block}, {@code table of 5 rows},
     *             {@code list of 4 items}
     * @param line where it starts, 1-based
     * @param text the line it starts with, to name it in a message
     */
    public record Block(String kind, int line, String text) {
        @Override
        public String toString() {
            return kind + " at line " + line + " (" + text + ")";
        }
    }

    private MarkdownOutline() {
    }

    /** The blocks of {@code markdown} in order. */
    public static List<Block> of(String markdown) {
        List<Block> out = new ArrayList<>();
        String[] lines = markdown.split("\r?\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (line.startsWith("```")) {
                int start = i++;
                while (i < lines.length && !lines[i].startsWith("```")) {
                    i++;
                }
                out.add(new Block("code block", start + 1, line));
                i++;
            } else if (HEADING.matcher(line).matches()) {
                out.add(new Block("h" + line.indexOf(' '), i + 1, line));
                i++;
            } else if (line.startsWith("|")) {
                int start = i;
                int rows = 0;
                for (; i < lines.length && lines[i].startsWith("|"); i++) {
                    if (!TABLE_RULE.matcher(lines[i]).matches()) {
                        rows++;
                    }
                }
                out.add(new Block("table of " + rows + " rows", start + 1, lines[start]));
            } else if (ITEM.matcher(line).matches()) {
                int start = i;
                int items = 0;
                // Items and their indented continuation lines; a blank line ends the list only if no item follows.
                while (i < lines.length) {
                    String l = lines[i];
                    if (ITEM.matcher(l).matches()) {
                        items++;
                    } else if (l.isBlank()) {
                        if (i + 1 >= lines.length || !ITEM.matcher(lines[i + 1]).matches()) {
                            break;
                        }
                    } else if (!l.startsWith(" ")) {
                        break;
                    }
                    i++;
                }
                out.add(new Block("list of " + items + " items", start + 1, lines[start]));
            } else {
                i++;
            }
        }
        return out;
    }

    /**
     * What {@code translation} lacks or has in place of {@code original}'s blocks, or an empty string if their
     * outlines match: the first difference, named by line in both texts.
     *
     * @param name what the translation is called in the message, e.g. {@code the zh_CN translation}
     */
    public static String difference(String original, String translation, String name) {
        List<Block> a = of(original);
        List<Block> b = of(translation);
        for (int k = 0; k < Math.max(a.size(), b.size()); k++) {
            Block want = k < a.size() ? a.get(k) : null;
            Block got = k < b.size() ? b.get(k) : null;
            if (want == null) {
                return name + " has a " + got + " that the English text does not have (the English has "
                        + a.size() + " blocks, the translation " + b.size() + ")";
            }
            if (got == null) {
                return name + " lacks the English " + want + ": it ends after " + b.size() + " blocks, the English "
                        + "has " + a.size();
            }
            if (!want.kind().equals(got.kind())) {
                return name + " has a " + got + " where the English has a " + want + " (block " + (k + 1) + " of "
                        + a.size() + ")";
            }
        }
        return "";
    }
}
