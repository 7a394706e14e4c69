package pagelab.app.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import pagelab.exercise.SourceSet;

/** Reads a solution's sources from disk: one {@code .java} file, or the {@code .java} files of a folder. */
public final class Submissions {
    /** Larger files are refused: no solution is that long, and reading one must not exhaust the host. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    private Submissions() {
    }

    /**
     * The sources at {@code path}: the file itself, or the {@code .java} files directly in the folder, or, when
     * there are none, those anywhere below it (a student who kept an IDE's {@code src/} folder).
     *
     * @throws IOException with a message for the user when there is nothing to grade or a file is unreadable
     */
    public static SourceSet read(Path path) throws IOException {
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
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (Files.size(f) > MAX_FILE_BYTES) {
                throw new IOException(f + " is larger than " + MAX_FILE_BYTES / 1024 + " KB");
            }
            if (sources.put(name, Files.readString(f, StandardCharsets.UTF_8)) != null) {
                throw new IOException("two files named " + name + " under " + path + "; keep one");
            }
        }
        try {
            return new SourceSet(sources);
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
