package pagelab.app.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import pagelab.app.files.SourceText;
import pagelab.exercise.SourceSet;

/**
 * Reads a solution's sources from disk: one {@code .java} file, or the {@code .java} files of a folder. Each file
 * is decoded as an editor would ({@link SourceText}: a byte-order mark, UTF-8, the platform's code page, GBK,
 * windows-1252), so a solution saved by Notepad in the system's code page is graded, not refused.
 */
public final class Submissions {
    private Submissions() {
    }

    /**
     * A solution as read: its sources and the encoding each file was read in.
     *
     * @param sources   the decoded sources
     * @param encodings per file name, the encoding it was decoded from ({@code UTF-8}, {@code GBK} ...)
     */
    public record Submission(SourceSet sources, Map<String, String> encodings) {
        public Submission {
            encodings = Collections.unmodifiableMap(new LinkedHashMap<>(encodings));
        }

        /** The files that were not UTF-8, with their encoding, for a report to mention. */
        public Map<String, String> notUtf8() {
            Map<String, String> out = new LinkedHashMap<>();
            encodings.forEach((file, enc) -> {
                if (!SourceText.UTF_8.equals(enc)) {
                    out.put(file, enc);
                }
            });
            return out;
        }
    }

    /** A file of a solution that is not text PageLab can read (binary, too large, or in no known encoding). */
    public static final class UnreadableSourceException extends IOException {
        private static final long serialVersionUID = 1L;

        UnreadableSourceException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The sources at {@code path}, as {@link #load} reads them. */
    public static SourceSet read(Path path) throws IOException {
        return load(path).sources();
    }

    /**
     * The sources at {@code path}: the file itself, or the {@code .java} files directly in the folder, or, when
     * there are none, those anywhere below it (a student who kept an IDE's {@code src/} folder).
     *
     * @throws UnreadableSourceException naming the file and why, when a file is not text in a known encoding
     * @throws IOException with a message for the user when there is nothing to grade or a file cannot be opened
     */
    public static Submission load(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException("no such file or folder: " + path);
        }
        List<Path> files;
        if (Files.isDirectory(path)) {
            files = javaFiles(path, 1);
            if (files.isEmpty()) {
                files = javaFiles(path, 8);
            }
        } else {
            files = List.of(path);
        }
        if (files.isEmpty()) {
            throw new IOException("no .java files in " + path);
        }
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, String> encodings = new LinkedHashMap<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            SourceText text;
            try {
                text = SourceText.read(f);
            } catch (SourceText.UnreadableException e) {
                throw new UnreadableSourceException("cannot read " + f + ": " + e.getMessage(), e);
            }
            if (sources.put(name, text.text()) != null) {
                throw new IOException("two files named " + name + " under " + path + "; keep one");
            }
            encodings.put(name, text.encoding());
        }
        try {
            return new Submission(new SourceSet(sources), encodings);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static List<Path> javaFiles(Path dir, int depth) throws IOException {
        try (Stream<Path> walk = Files.walk(dir, depth)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }
}
