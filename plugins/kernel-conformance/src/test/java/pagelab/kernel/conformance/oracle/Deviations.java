package pagelab.kernel.conformance.oracle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * A rule covers every line of one call where {@link Facts} read on the simulator before the call hold and Wine
 * printed a given answer: there Windows prints another. It stands for a whole class of lines (a free range, a
 * reserved page) where one entry per line would bury the evidence under hundreds of copies:
 *
 * <pre>
 * == rule NAME
 * call: VirtualProtect
 * when: outside-one-allocation !invalid-protection    (facts that must hold; ! for one that must not)
 * wine: err=87                                        (words of Wine's answer, or * for any answer)
 * windows: err=487                                    (what replaces them: Windows' answer)
 * evidence: ...
 * </pre>
 *
 * A rule whose {@code windows:} is {@value #LAYOUT} takes the lines it covers out of the comparison: they depend on
 * where each implementation lays out its own process, not on the API's behaviour. {@value #CASCADE} does the same
 * for lines that follow from Wine's own side effect of an earlier deviation, and {@value #OPEN} for an open
 * question (README.md). {@code mask: BITS} narrows such a rule to lines that differ only in those protection bits,
 * {@code sim: WORDS} to lines where the simulator printed those words.
 *
 * <p>Lines starting with {@code #} are comments; {@code evidence:} may continue on indented lines.
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

    /** The {@code windows:} of a rule whose lines are not compared. */
    static final String LAYOUT = "(layout)";
    /**
     * The {@code windows:} of a rule whose lines follow from an earlier line where Wine differs from Windows (Wine's
     * own side effect of that line): there Windows prints what the simulator prints.
     */
    static final String CASCADE = "(cascade)";
    /**
     * The {@code windows:} of an open question: no source says what Windows prints, so the line is not compared but
     * counted under the question, which README.md lists with what would settle it.
     */
    static final String OPEN = "(open)";
    /** The answers of rules that take the simulator's line as it is instead of naming Windows' words. */
    static final Set<String> TAKES_SIMULATOR = Set.of(LAYOUT, CASCADE, OPEN);

    /** A class of lines where Windows answers otherwise than Wine; see the class comment. */
    record Rule(String name, String call, List<String> when, String wine, String windows, int mask, String sim,
                String evidence) {
        /**
         * Whether the simulator's line {@code simulated} is the one this rule lets stand for the recorded line: any
         * line, or with a {@code mask:}, only a line that equals Wine's once those bits are cleared from its
         * protections ({@code aprot=}, {@code prot=}, {@code old=}), so that nothing else may differ.
         */
        boolean accepts(String recordedLine, String simulated) {
            if (sim != null && !Pattern.compile("(?<=^| )" + Pattern.quote(sim) + "(?= |$)").matcher(simulated).find()) {
                return false;
            }
            if (mask == 0) {
                return true;
            }
            Matcher m = Pattern.compile("\\b(aprot|prot|old)=0x([0-9a-f]+)").matcher(simulated);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                long v = Long.parseLong(m.group(2), 16) & ~(long) mask;
                m.appendReplacement(out, m.group(1) + "=0x" + Long.toHexString(v));
            }
            m.appendTail(out);
            return out.toString().equals(recordedLine);
        }

        /** The recorded line with Wine's words replaced by Windows', or null if the rule does not cover it. */
        String apply(String recordedLine, Set<String> facts) {
            int colon = recordedLine.indexOf(": ");
            int space = recordedLine.indexOf(' ');
            if (colon < 0 || space < 0 || !recordedLine.substring(space + 1, colon).equals(call)) {
                return null;
            }
            for (String w : when) {
                if (w.startsWith("!") ? facts.contains(w.substring(1)) : !facts.contains(w)) {
                    return null;
                }
            }
            String head = recordedLine.substring(0, colon + 2);
            String answer = recordedLine.substring(colon + 2);
            if (wine.equals("*")) {
                return head + windows;
            }
            Matcher m = Pattern.compile("(?<=^| )" + Pattern.quote(wine) + "(?= |$)").matcher(answer);
            return m.find() ? head + answer.substring(0, m.start()) + windows + answer.substring(m.end()) : null;
        }
    }

    private final Map<String, Deviation> byKey;
    private final List<Rule> rules;

    private Deviations(Map<String, Deviation> byKey, List<Rule> rules) {
        this.byKey = byKey;
        this.rules = rules;
    }

    static Deviations parse(String text) {
        Map<String, Deviation> out = new LinkedHashMap<>();
        List<Rule> rules = new ArrayList<>();
        String[] head = null;
        Map<String, String> fields = new LinkedHashMap<>();
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
                    String ev = require(evidence == null ? null : evidence.toString().strip(), head, "evidence:");
                    if (head[0].equals("rule")) {
                        Rule r = new Rule(head[1], require(fields.get("call"), head, "call:"),
                                fields.containsKey("when") ? List.of(fields.get("when").split("\\s+")) : List.of(),
                                require(fields.get("wine"), head, "wine:"), require(fields.get("windows"), head,
                                "windows:"), fields.containsKey("mask") ? Integer.decode(fields.get("mask")) : 0, fields.get("sim"), ev);
                        if (rules.stream().anyMatch(x -> x.name().equals(r.name()))) {
                            throw new IllegalArgumentException("deviations.txt: rule " + r.name() + " is listed twice");
                        }
                        rules.add(r);
                    } else {
                        Deviation d = new Deviation(head[0], head[1], head[2],
                                require(fields.get("windows"), head, "windows:"), ev);
                        if (out.put(d.key(), d) != null) {
                            throw new IllegalArgumentException("deviations.txt: " + d.key() + " is listed twice");
                        }
                    }
                }
                head = l.equals("== end") ? null : l.substring(3).strip().split("\\s+");
                if (head != null && !(head.length == 3 || head.length == 2 && head[0].equals("rule"))) {
                    throw new IllegalArgumentException("deviations.txt: expected '== BUNDLE SCRIPT Ln' or '== rule NAME': "
                            + l);
                }
                fields.clear();
                evidence = null;
            } else if (l.startsWith("evidence: ")) {
                evidence = new StringBuilder(l.substring(10).strip());
            } else if (evidence != null && Character.isWhitespace(l.charAt(0))) {
                evidence.append(' ').append(l.strip());
            } else if (l.matches("(call|when|wine|windows|mask|sim): .*")) {
                int colon = l.indexOf(':');
                fields.put(l.substring(0, colon), l.substring(colon + 1).strip());
            } else {
                throw new IllegalArgumentException("deviations.txt: unexpected line: " + l);
            }
        }
        return new Deviations(out, List.copyOf(rules));
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

    List<Rule> rules() {
        return rules;
    }
}
