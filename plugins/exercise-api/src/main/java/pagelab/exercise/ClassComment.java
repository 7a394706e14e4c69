package pagelab.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rewrites the doc comment of a source file's top-level type, so that a generated known-wrong solution says what
 * it is ("Known-wrong solution "never-decommits": clears cells but ...") instead of repeating the reference's
 * comment. The sentence comes from the exercise's declaration of the solution, its one source.
 */
final class ClassComment {
    /** Lines are wrapped to the house's 120 columns. */
    static final int WIDTH = 120;
    private static final Pattern TYPE = Pattern.compile(
            "((public|final|abstract|sealed|non-sealed|strictfp)\\s+)*(class|interface|enum|record|@interface)\\s.*");

    private ClassComment() {
    }

    /**
     * The comment of a known-wrong solution: its name and its mistake, whose first word is lower-cased as the rest
     * of a sentence unless it is a name ({@code HeapWalk}, {@code MEM_RESET}).
     */
    static String knownWrong(String name, String mistake) {
        String m = mistake.strip();
        String first = m.split("\\s", 2)[0];
        boolean word = first.length() > 1 && Character.isUpperCase(first.charAt(0))
                && first.substring(1).chars().noneMatch(c -> Character.isUpperCase(c) || c == '_');
        return "Known-wrong solution \"" + name + "\": " + (word ? Character.toLowerCase(m.charAt(0))
                + m.substring(1) : m);
    }

    /**
     * {@code source} with the doc comment of its first top-level type replaced by {@code text} (or given one, if it
     * had none), wrapped at {@link #WIDTH}. A source without a top-level type is returned as it is.
     */
    static String replace(String source, String text) {
        List<String> lines = new ArrayList<>(List.of(source.split("\n", -1)));
        int type = 0;
        while (type < lines.size() && !TYPE.matcher(lines.get(type)).matches()) {
            type++;
        }
        if (type == lines.size()) {
            return source;
        }
        int end = type;
        while (end > 0 && lines.get(end - 1).startsWith("@")) {
            end--;
        }
        int start = end;
        if (end > 0 && lines.get(end - 1).strip().endsWith("*/")) {
            start = end - 1;
            while (start > 0 && !lines.get(start).startsWith("/**")) {
                start--;
            }
            if (!lines.get(start).startsWith("/**")) {
                start = end; // a plain block comment: leave it, and add the doc comment below it
            }
        }
        lines.subList(start, end).clear();
        lines.addAll(start, comment(text));
        return String.join("\n", lines);
    }

    private static List<String> comment(String text) {
        List<String> out = new ArrayList<>(List.of("/**"));
        StringBuilder line = new StringBuilder(" *");
        for (String word : text.split("\\s+")) {
            if (line.length() > 2 && line.length() + 1 + word.length() > WIDTH) {
                out.add(line.toString());
                line = new StringBuilder(" *");
            }
            line.append(' ').append(word);
        }
        out.add(line.toString());
        out.add(" */");
        return out;
    }
}
