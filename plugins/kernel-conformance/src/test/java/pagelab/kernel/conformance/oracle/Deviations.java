package pagelab.kernel.conformance.oracle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where Windows and the recorded implementation (Wine) disagree, and the simulator follows Windows: for one line of
 * one script, the line Windows prints, and the evidence. Read from {@code deviations.txt}:
 *
 * <pre>
 * == BUNDLE SCRIPT L&lt;n&gt;
 * windows: the whole line Windows prints
 * evidence: where that is written down (a Microsoft Learn page, a todo_wine in Wine's own tests, ...)
 * </pre>
 *
 * Lines starting with {@code #} are comments; {@code evidence:} may continue on indented lines.
 */
final class Deviations {
    /** One deviation: the recorded line is replaced by {@code windows} when the simulator is compared. */
    record Deviation(String bundle, String script, String line, String windows, String evidence) {
        String key() {
            return key(bundle, script, line);
        }

        static String key(String bundle, String script, String line) {
            return bundle + " " + script + " " + line;
        }
    }

    private final Map<String, Deviation> byKey;

    private Deviations(Map<String, Deviation> byKey) {
        this.byKey = byKey;
    }

    static Deviations parse(String text) {
        Map<String, Deviation> out = new LinkedHashMap<>();
        String[] head = null;
        String windows = null;
        StringBuilder evidence = null;
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        lines.add("== end");
        for (String raw : lines) {
            String l = raw.stripTrailing();
            if (l.startsWith("#") || l.isBlank()) {
                continue;
            }
            if (l.startsWith("== ")) {
                if (head != null) {
                    Deviation d = new Deviation(head[0], head[1], head[2], require(windows, head, "windows:"),
                            require(evidence == null ? null : evidence.toString().strip(), head, "evidence:"));
                    if (out.put(d.key(), d) != null) {
                        throw new IllegalArgumentException("deviations.txt: " + d.key() + " is listed twice");
                    }
                }
                head = l.equals("== end") ? null : l.substring(3).strip().split("\\s+");
                if (head != null && head.length != 3) {
                    throw new IllegalArgumentException("deviations.txt: expected '== BUNDLE SCRIPT Ln': " + l);
                }
                windows = null;
                evidence = null;
            } else if (l.startsWith("windows: ")) {
                windows = l.substring(9).strip();
            } else if (l.startsWith("evidence: ")) {
                evidence = new StringBuilder(l.substring(10).strip());
            } else if (evidence != null && Character.isWhitespace(l.charAt(0))) {
                evidence.append(' ').append(l.strip());
            } else {
                throw new IllegalArgumentException("deviations.txt: unexpected line: " + l);
            }
        }
        return new Deviations(out);
    }

    private static String require(String value, String[] head, String field) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("deviations.txt: " + String.join(" ", head) + " has no " + field);
        }
        return value;
    }

    static Deviations load() {
        return parse(Comparison.resource("/oracle/deviations.txt"));
    }

    /** The deviation for a recorded line ({@code L<n> ...}) of a script, or null. */
    Deviation find(String bundle, String script, String recordedLine) {
        int space = recordedLine.indexOf(' ');
        return byKey.get(Deviation.key(bundle, script, space < 0 ? recordedLine : recordedLine.substring(0, space)));
    }

    List<Deviation> all() {
        return List.copyOf(byKey.values());
    }
}
