package pagelab.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps code in Markdown documentation cut from real, tested sources, JUnit's {@code tag::} idea for Markdown. In
 * the source, a region is marked {@code // tag::name[]} ... {@code // end::name[]} (or the same inside
 * {@code <!-- -->}); in the document, a code fence preceded by {@code <!-- snippet: path/from/root#name -->} must
 * hold exactly that region (tag lines removed, common indentation stripped). Without {@code #name} the fence holds
 * the whole file.
 *
 * <p>A documentation test calls {@link #mismatches} and fails on any; {@link #update} rewrites the fences from the
 * sources, e.g. behind a system property. Stateless.
 *
 * @since 0.1
 */
public final class DocSnippets {
    private static final Pattern MARKER = Pattern.compile("<!-- snippet: ([^#\\s]+)(?:#([\\w-]+))? -->");
    private static final Pattern TAG = Pattern.compile("(tag|end)::([\\w-]+)\\[]");

    private DocSnippets() {
    }

    /** One snippet whose fence differs from its source (or whose source or tag is missing). */
    public record Mismatch(int line, String reference, String problem) {
        @Override
        public String toString() {
            return "line " + line + " (" + reference + "): " + problem;
        }
    }

    /** The snippets of {@code doc} that do not match their sources under {@code root}. */
    public static List<Mismatch> mismatches(Path doc, Path root) {
        List<Mismatch> out = new ArrayList<>();
        process(read(doc), root, out);
        return out;
    }

    /** {@code doc}'s text with every snippet fence replaced by its current source region. */
    public static String update(Path doc, Path root) {
        return process(read(doc), root, new ArrayList<>());
    }

    /**
     * The region {@code tag} of {@code source} (the whole file if {@code tag} is null), without tag lines and
     * with the common indentation removed.
     *
     * @throws IllegalArgumentException if the tag is not in the file or not closed
     */
    public static String region(Path source, String tag) {
        List<String> lines = read(source).lines().toList();
        int from = 0;
        int to = lines.size();
        if (tag != null) {
            from = indexOf(lines, "tag::" + tag + "[]", 0, source) + 1;
            to = indexOf(lines, "end::" + tag + "[]", from, source);
        }
        List<String> kept = new ArrayList<>();
        for (String l : lines.subList(from, to)) {
            if (!TAG.matcher(l).find()) {
                kept.add(l);
            }
        }
        int indent = kept.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder b = new StringBuilder();
        for (String l : kept) {
            b.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return b.toString();
    }

    private static int indexOf(List<String> lines, String marker, int start, Path source) {
        for (int i = start; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i;
            }
        }
        throw new IllegalArgumentException(source + " has no " + marker);
    }

    // Walks the document; collects mismatches and returns the text with fences refreshed.
    private static String process(String text, Path root, List<Mismatch> out) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            result.append(line).append('\n');
            Matcher m = MARKER.matcher(line);
            if (!m.find()) {
                continue;
            }
            String ref = m.group(1) + (m.group(2) == null ? "" : "#" + m.group(2));
            int open = i + 1;
            int close = open + 1;
            while (close < lines.size() && !lines.get(close).startsWith("```")) {
                close++;
            }
            if (open >= lines.size() || !lines.get(open).startsWith("```") || close >= lines.size()) {
                out.add(new Mismatch(i + 1, ref, "the marker must be followed by a closed ``` fence"));
                continue;
            }
            String current = String.join("\n", lines.subList(open + 1, close)) + (close > open + 1 ? "\n" : "");
            String wanted;
            try {
                wanted = region(root.resolve(m.group(1)), m.group(2));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                out.add(new Mismatch(i + 1, ref, e.getMessage()));
                continue;
            }
            if (!current.equals(wanted)) {
                out.add(new Mismatch(i + 1, ref, "the code differs from the source; regenerate the snippet"));
            }
            result.append(lines.get(open)).append('\n').append(wanted).append(lines.get(close)).append('\n');
            i = close;
        }
        return result.toString();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}
