package pagelab.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Java source files as text, by file name (e.g. {@code SparseSpreadsheet.java}), in a stable order. The runner
 * compiles them with {@code javax.tools}; a file's public class must match its name, as javac requires.
 *
 * @param files file name to source text; copied, unmodifiable, iteration order kept
 * @since 0.1
 */
public record SourceSet(Map<String, String> files) {

    /**
     * @throws IllegalArgumentException if empty or if a name is not a plain {@code *.java} file name
     */
    public SourceSet {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("a source set needs at least one file");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        files.forEach((name, text) -> {
            if (name == null || !name.matches("[A-Za-z_$][A-Za-z0-9_$]*\\.java")) {
                throw new IllegalArgumentException("source file names are plain Foo.java names, got " + name);
            }
            copy.put(name, Objects.requireNonNullElse(text, ""));
        });
        files = Collections.unmodifiableMap(copy);
    }

    /** One file. */
    public static SourceSet of(String name, String text) {
        return new SourceSet(Map.of(name, text));
    }

    /**
     * Loads {@code dir/name} for each name from the resources of {@code anchor}'s class loader (the plugin's).
     * Plugins ship their sources as resources because jars cannot list a directory portably.
     *
     * @param anchor a class of the plugin, e.g. the exercise itself
     * @param dir    a resource folder without leading or trailing slash, e.g. {@code sparse-cells/starter}
     * @throws IllegalStateException naming the resource if one is missing, so a broken plugin says what is broken
     */
    public static SourceSet fromResources(Class<?> anchor, String dir, String... names) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : names) {
            files.put(name, readResource(anchor, dir + "/" + name));
        }
        return new SourceSet(files);
    }

    /** Reads a UTF-8 text resource of {@code anchor}'s class loader; {@code path} has no leading slash. */
    static String readResource(Class<?> anchor, String path) {
        try (InputStream in = anchor.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource " + path + " is missing from the plugin of "
                        + anchor.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + path, e);
        }
    }

    /** The text of {@code name}, or null if the set has no such file. */
    public String text(String name) {
        return files.get(name);
    }
}
