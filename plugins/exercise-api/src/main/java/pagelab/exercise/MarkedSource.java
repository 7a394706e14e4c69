package pagelab.exercise;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One source file of an exercise, written once: the reference solution, with marked regions that the starter and
 * the known-wrong solutions replace, in the manner of nbgrader's {@code BEGIN SOLUTION}. The file compiles as the
 * reference, because every marker and every replacement is a line comment.
 *
 * <pre>{@code
 * public void clearCell(int row, int column) {
 *     // BEGIN SOLUTION
 *     ...
 *     // BEGIN WRONG never-decommits
 *     if (--cellsInUseOnPage[page] == 0) {
 *         kernel.VirtualFree(base + (long) page * pageSize, pageSize, MEM_DECOMMIT);
 *     }
 *     // INSTEAD
 *     // MISTAKE: the page stays committed even when its last cell is cleared.
 *     //> cellsInUseOnPage[page]--;
 *     // END WRONG
 *     // INSTEAD
 *     // TODO: mark the cell unused; decommit its page when it was the last cell in use there.
 *     // END SOLUTION
 * }
 * }</pre>
 *
 * <ul>
 * <li>{@code // BEGIN SOLUTION} ... {@code // END SOLUTION}: code the starter does not get. What follows an
 *     {@code // INSTEAD} line in the region is what the starter gets in its place (nothing without one).</li>
 * <li>{@code // BEGIN WRONG a, b} ... {@code // END WRONG}: code that the known-wrong solutions {@code a} and
 *     {@code b} replace, each with what follows its {@code // INSTEAD a} line ({@code // INSTEAD} alone when the
 *     region names one); a solution without a replacement of its own drops the code. A solution named by several
 *     regions replaces each of them.</li>
 * <li>A replacement is written as comments: {@code //> code} stands for the line {@code code} at the indentation
 *     of the {@code //>}, a bare {@code //>} for an empty line; other comment lines and blank lines are taken as
 *     they are.</li>
 * <li>Regions nest (a wrong solution's region inside the code the starter does not get). Documentation tags
 *     ({@code // tag::name[]}, {@code // end::name[]}, see the test kit's {@code DocSnippets}) are left out of every
 *     rendering.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe; parsing validates every marker, so a malformed file is refused with its line.
 *
 * @since 0.1.1
 */
public final class MarkedSource {
    private static final Pattern MARKER = Pattern.compile("//\\s*(BEGIN SOLUTION|BEGIN WRONG|INSTEAD|END SOLUTION"
            + "|END WRONG)(?:\\s+(.*?))?\\s*");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DOC_TAG = Pattern.compile("\\s*//\\s*(tag|end)::[\\w-]+\\[]\\s*");
    /** The key of a solution region's replacement: what the starter gets. */
    private static final String STARTER = "";

    private final String name;
    private final List<Part> parts;
    private final Map<String, List<Integer>> variants;

    private MarkedSource(String name, List<Part> parts, Map<String, List<Integer>> variants) {
        this.name = name;
        this.parts = parts;
        this.variants = variants;
    }

    private sealed interface Part permits Text, Region {
    }

    private record Text(String line) implements Part {
    }

    /** A marked region: its reference lines (and nested regions) and each replacement by key. */
    private record Region(int line, boolean solution, List<String> names, List<Part> body,
                          Map<String, List<String>> instead) implements Part {
    }

    /**
     * Parses a marked source.
     *
     * @param name the file's name for messages, e.g. {@code sparse-cells/reference/SparseSpreadsheet.java}
     * @throws InvalidExerciseException as {@code name:line: what is wrong} for a malformed marker
     */
    public static MarkedSource parse(String name, String text) {
        return new Parser(name).parse(text);
    }

    /** The file's name, as given to {@link #parse}. */
    public String name() {
        return name;
    }

    /** Whether the file marks any region; a file without one is the same in every rendering. */
    public boolean marked() {
        return parts.stream().anyMatch(p -> p instanceof Region);
    }

    /** The reference solution: every region's own code, no replacement. */
    public String reference() {
        return render(false, null);
    }

    /** What the student starts from: each solution region replaced by what its {@code // INSTEAD} gives. */
    public String starter() {
        return render(true, null);
    }

    /**
     * The known-wrong solution {@code variant}: the reference with every region naming it replaced. The same as
     * {@link #reference()} when no region of this file names it (a solution may change another file only).
     */
    public String wrong(String variant) {
        return render(false, variant);
    }

    /** The names of the known-wrong solutions this file's regions name, each with the lines of its regions. */
    public Map<String, List<Integer>> variants() {
        return variants;
    }

    private String render(boolean starter, String variant) {
        List<String> out = new ArrayList<>();
        render(parts, starter, variant, out);
        return String.join("\n", out);
    }

    private static void render(List<Part> parts, boolean starter, String variant, List<String> out) {
        for (Part p : parts) {
            if (p instanceof Text t) {
                if (!DOC_TAG.matcher(t.line()).matches()) {
                    out.add(t.line());
                }
                continue;
            }
            Region r = (Region) p;
            String key = r.solution() ? (starter ? STARTER : null) : r.names().contains(variant) ? variant : null;
            if (key == null) {
                render(r.body(), starter, variant, out);
            } else {
                r.instead().getOrDefault(key, List.of()).stream()
                        .filter(l -> !DOC_TAG.matcher(l).matches())
                        .map(MarkedSource::uncomment)
                        .forEach(out::add);
            }
        }
    }

    // "    //> code" is "    code"; a bare "//>" an empty line; any other comment or blank line stays as it is.
    private static String uncomment(String line) {
        String code = line.stripLeading();
        if (code.equals("//>")) {
            return "";
        }
        return code.startsWith("//> ") ? line.substring(0, line.length() - code.length()) + code.substring(4) : line;
    }

    /** Reads the lines into parts, keeping the open regions on a stack. */
    private static final class Parser {
        private final String name;
        private final List<Part> top = new ArrayList<>();
        private final Deque<Open> open = new ArrayDeque<>();
        private final Map<String, List<Integer>> variants = new TreeMap<>();
        private int lineNo;

        /** A region being read, and the replacement being read in it (null while reading its own code). */
        private static final class Open {
            final Region region;
            List<String> instead;

            Open(Region region) {
                this.region = region;
            }
        }

        Parser(String name) {
            this.name = name;
        }

        MarkedSource parse(String text) {
            for (String line : text.split("\n", -1)) {
                lineNo++;
                Matcher m = MARKER.matcher(line.strip());
                if (m.matches()) {
                    marker(m.group(1), m.group(2) == null ? "" : m.group(2));
                } else if (!open.isEmpty() && open.peek().instead != null) {
                    open.peek().instead.add(replacementLine(line));
                } else {
                    body().add(new Text(line));
                }
            }
            if (!open.isEmpty()) {
                throw error(open.peek().region.line(), "this region is never closed (// END "
                        + (open.peek().region.solution() ? "SOLUTION" : "WRONG") + ")");
            }
            variants.replaceAll((k, v) -> List.copyOf(v));
            return new MarkedSource(name, List.copyOf(top), Collections.unmodifiableMap(variants));
        }

        private List<Part> body() {
            return open.isEmpty() ? top : open.peek().region.body();
        }

        private void marker(String word, String rest) {
            switch (word) {
                case "BEGIN SOLUTION" -> begin(true, List.of(), rest);
                case "BEGIN WRONG" -> begin(false, names(rest), "");
                case "INSTEAD" -> instead(rest);
                default -> end(word.equals("END SOLUTION"), rest);
            }
        }

        private void begin(boolean solution, List<String> names, String rest) {
            if (!rest.isEmpty()) {
                throw error(lineNo, "// BEGIN SOLUTION takes no name (only a wrong solution's region is named)");
            }
            if (!open.isEmpty() && open.peek().instead != null) {
                throw error(lineNo, "a region cannot begin inside what replaces another (after its // INSTEAD)");
            }
            Region r = new Region(lineNo, solution, names, new ArrayList<>(), new LinkedHashMap<>());
            body().add(r);
            open.push(new Open(r));
            names.forEach(n -> variants.computeIfAbsent(n, k -> new ArrayList<>()).add(lineNo));
        }

        private List<String> names(String rest) {
            List<String> names = Arrays.stream(rest.split(",")).map(String::strip).toList();
            for (String n : names) {
                if (!NAME.matcher(n).matches()) {
                    throw error(lineNo, "// BEGIN WRONG names the known-wrong solutions it is for, as lower-case "
                            + "words joined by '-' and separated by commas; got \"" + rest + "\"");
                }
            }
            if (Set.copyOf(names).size() != names.size()) {
                throw error(lineNo, "a known-wrong solution is named twice: " + rest);
            }
            return names;
        }

        private void instead(String rest) {
            if (open.isEmpty()) {
                throw error(lineNo, "// INSTEAD outside a region");
            }
            Region r = open.peek().region;
            String key;
            if (r.solution()) {
                if (!rest.isEmpty()) {
                    throw error(lineNo, "in a solution region, // INSTEAD is what the starter gets: give no name");
                }
                key = STARTER;
            } else if (rest.isEmpty()) {
                if (r.names().size() != 1) {
                    throw error(lineNo, "this region is for " + r.names() + ": say whose replacement follows, "
                            + "// INSTEAD " + r.names().get(0));
                }
                key = r.names().get(0);
            } else if (r.names().contains(rest)) {
                key = rest;
            } else {
                throw error(lineNo, "// INSTEAD " + rest + ", but the region (line " + r.line() + ") is for "
                        + r.names());
            }
            if (r.instead().containsKey(key)) {
                throw error(lineNo, "a second // INSTEAD" + (key.isEmpty() ? "" : " " + key) + " in one region");
            }
            List<String> lines = new ArrayList<>();
            r.instead().put(key, lines);
            open.peek().instead = lines;
        }

        private void end(boolean solution, String rest) {
            if (open.isEmpty()) {
                throw error(lineNo, "// END " + (solution ? "SOLUTION" : "WRONG") + " without a region to end");
            }
            Region r = open.peek().region;
            if (r.solution() != solution || !rest.isEmpty()) {
                throw error(lineNo, "this ends the " + (r.solution() ? "solution" : "wrong-solution")
                        + " region begun at line " + r.line() + ": write // END " + (r.solution() ? "SOLUTION"
                        : "WRONG"));
            }
            open.pop();
        }

        private String replacementLine(String line) {
            String code = line.strip();
            if (!code.isEmpty() && !code.startsWith("//") || code.startsWith("//>") && !code.equals("//>")
                    && !code.startsWith("//> ")) {
                throw error(lineNo, "what replaces a region is written as comments, so that the file still "
                        + "compiles as the reference: \"//> code\" for a line of code, got \"" + code + "\"");
            }
            return line;
        }

        private InvalidExerciseException error(int line, String problem) {
            return new InvalidExerciseException(name + ":" + line + ": " + problem);
        }
    }
}
