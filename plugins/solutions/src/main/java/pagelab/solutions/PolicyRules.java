package pagelab.solutions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The allow and deny rules of {@code solution-rules.txt}, looked up most specific first: a member with its
 * descriptor, a member by name, every member of a class, a class, its package, its enclosing packages. The file's
 * header explains the grammar. Immutable once read; thread-safe.
 */
final class PolicyRules {
    /** What one rule says: allowed, or refused with a reason a student can act on. */
    record Verdict(boolean allowed, String reason) {
        static final Verdict ALLOWED = new Verdict(true, null);
    }

    /** No rule matched: refused, with the general reason. */
    static final Verdict UNLISTED = new Verdict(false, "it is not on the list of what a solution may use "
            + "(java.lang, java.util, java.math, java.time, java.text, in-memory java.io, pagelab.kernel and the "
            + "exercise's interface)");

    private final Map<String, Verdict> rules;

    private PolicyRules(Map<String, Verdict> rules) {
        this.rules = rules;
    }

    /** The rules shipped with PageLab. */
    static PolicyRules standard() {
        try (InputStream in = PolicyRules.class.getResourceAsStream("solution-rules.txt")) {
            if (in == null) {
                throw new IllegalStateException("PolicyRules: solution-rules.txt is missing from the policy jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read solution-rules.txt", e);
        }
    }

    /**
     * Reads rules in the file's grammar.
     *
     * @throws IllegalArgumentException naming the line of a malformed or repeated rule
     */
    static PolicyRules parse(String text) {
        Map<String, Verdict> rules = new HashMap<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String[] parts = fields(s);
            if (parts.length < 2 || !(parts[0].equals("allow") || parts[0].equals("deny"))) {
                throw new IllegalArgumentException("solution rules, line " + lineNo + ": expected 'allow PATTERN' or "
                        + "'deny PATTERN reason', got: " + s);
            }
            boolean allow = parts[0].equals("allow");
            if (!allow && parts.length < 3) {
                throw new IllegalArgumentException("solution rules, line " + lineNo + ": a deny rule needs a reason");
            }
            Verdict v = allow ? Verdict.ALLOWED : new Verdict(false, parts[2]);
            if (rules.put(parts[1], v) != null) {
                throw new IllegalArgumentException("solution rules, line " + lineNo + ": " + parts[1]
                        + " has a rule already");
            }
        }
        return new PolicyRules(Map.copyOf(rules));
    }

    /**
     * A stripped line cut at its first two runs of blanks, as {@code line.split("\\s+", 3)} would, without a regular
     * expression: every grading child reads the 230 rules once, and a pattern per line cost it 10 ms.
     */
    static String[] fields(String line) {
        List<String> parts = new ArrayList<>(3);
        int i = 0;
        int n = line.length();
        while (i < n && parts.size() < 2) {
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            parts.add(line.substring(start, i));
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
        }
        if (i < n) {
            parts.add(line.substring(i));
        }
        return parts.toArray(String[]::new);
    }

    /** May code name the class {@code binaryName} (e.g. {@code java.util.Map$Entry})? */
    Verdict forClass(String binaryName) {
        Verdict v = rules.get(binaryName);
        return v != null ? v : forPackageOf(binaryName);
    }

    /** May code use {@code member} (a method, constructor {@code <init>} or field) as declared in {@code owner}? */
    Verdict forMember(String owner, String member, String descriptor) {
        Verdict v = rules.get(owner + "#" + member + descriptor);
        if (v == null) {
            v = rules.get(owner + "#" + member);
        }
        if (v == null) {
            v = rules.get(owner + "#*");
        }
        return v != null ? v : forClass(owner);
    }

    private Verdict forPackageOf(String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        if (dot < 0) {
            return UNLISTED;
        }
        String pkg = binaryName.substring(0, dot);
        Verdict v = rules.get(pkg + ".*");
        for (String p = pkg; v == null; ) {
            v = rules.get(p + ".**");
            int up = p.lastIndexOf('.');
            if (up < 0) {
                break;
            }
            p = p.substring(0, up);
        }
        return v != null ? v : UNLISTED;
    }
}
