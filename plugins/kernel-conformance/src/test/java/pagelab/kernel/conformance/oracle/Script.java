package pagelab.kernel.conformance.oracle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A script of Win32 calls, tokenised as {@code oracle.c} tokenises it: one call per line, {@code #} starts a
 * comment, {@code "..."} is one token (no escapes), and {@code TARGET = Function args...} binds the result.
 *
 * @param name  the script's name (its {@code === NAME} line)
 * @param lines the calls, each with its 1-based line number in the script
 */
record Script(String name, List<Line> lines) {
    /** One call. */
    record Line(int number, String target, List<String> tokens) {
    }

    /** The scripts of a bundle file: {@code === NAME} lines start each. */
    static Map<String, Script> parseBundle(String text) {
        Map<String, Script> out = new LinkedHashMap<>();
        String name = null;
        List<Line> lines = null;
        int number = 0;
        for (String raw : text.split("\n", -1)) {
            if (raw.startsWith("=== ")) {
                if (name != null) {
                    out.put(name, new Script(name, lines));
                }
                name = raw.substring(4).strip();
                lines = new ArrayList<>();
                number = 0;
                continue;
            }
            if (name == null) {
                continue;
            }
            number++;
            List<String> tokens = tokenize(raw);
            if (!tokens.isEmpty()) {
                lines.add(tokens.size() >= 2 && tokens.get(1).equals("=")
                        ? new Line(number, tokens.get(0), tokens.subList(2, tokens.size()))
                        : new Line(number, null, tokens));
            }
        }
        if (name != null) {
            out.put(name, new Script(name, lines));
        }
        return out;
    }

    static List<String> tokenize(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < line.length() && out.size() < 16) {
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i >= line.length() || line.charAt(i) == '#' || line.charAt(i) == '\r') {
                break;
            }
            int start;
            if (line.charAt(i) == '"') {
                start = ++i;
                while (i < line.length() && line.charAt(i) != '"') {
                    i++;
                }
            } else {
                start = i;
                while (i < line.length() && " \t\r".indexOf(line.charAt(i)) < 0) {
                    i++;
                }
            }
            out.add(line.substring(start, Math.min(i, line.length())));
            i++;
        }
        return out;
    }
}
