package pagelab.app.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import pagelab.exercise.SourceSet;

/**
 * Compiles a solution's sources with {@code javax.tools}, in this JVM, into a content-addressed cache folder: the
 * same sources against the same class path are compiled once (the shipped reference, a resubmitted solution).
 * Compilation only parses and generates code, it runs nothing of the student's, so it is safe in the host.
 *
 * <p>Thread-safe: concurrent compilations of the same sources race to move a finished folder into place and the
 * loser discards its copy.
 */
public final class SourceCompiler {
    private static final String LIST_FILE = ".classes";
    private final Path cacheDir;

    /** @param cacheDir where compiled folders are kept, e.g. {@code ~/.pagelab/cache/classes} */
    public SourceCompiler(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /**
     * Compiles {@code sources} against {@code classpath}. Never throws for bad sources: they give diagnostics.
     *
     * @throws UncheckedIOException if the cache folder cannot be written
     */
    public CompileResult compile(SourceSet sources, List<Path> classpath) {
        String key = key(sources, classpath);
        Path done = cacheDir.resolve(key);
        try {
            if (Files.isRegularFile(done.resolve(LIST_FILE))) {
                return new CompileResult(true, List.of(), done, Files.readAllLines(done.resolve(LIST_FILE)));
            }
            Files.createDirectories(cacheDir);
            Path work = Files.createTempDirectory(cacheDir, key + ".tmp");
            CompileResult r = compileInto(sources, classpath, work);
            if (!r.success()) {
                deleteTree(work);
                return r;
            }
            Files.write(work.resolve(LIST_FILE), r.classNames());
            return new CompileResult(true, r.diagnostics(), publish(work, done), r.classNames());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write compiled classes under " + cacheDir, e);
        }
    }

    private static Path publish(Path work, Path done) throws IOException {
        try {
            Files.move(work, done, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            deleteTree(work);
        } catch (IOException e) {
            if (!Files.isRegularFile(done.resolve(LIST_FILE))) {
                throw e;
            }
            deleteTree(work); // another thread published the same key first (a non-empty target)
        }
        return done;
    }

    private static CompileResult compileInto(SourceSet sources, List<Path> classpath, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return new CompileResult(false, List.of(new CompileDiagnostic(null, 0, 0, true,
                    "no Java compiler in this runtime: PageLab needs a JDK (java.home = "
                            + System.getProperty("java.home") + ")")), null, List.of());
        }
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        sources.files().forEach((name, text) -> units.add(new StringSource(name, text)));
        List<String> options = List.of("-d", out.toString(), "-classpath", join(classpath), "-proc:none", "-g",
                "-encoding", "UTF-8", "-implicit:none", "-Xmaxerrs", "50");
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(collector, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            ok = javac.getTask(Writer.nullWriter(), files, collector, options, null, units).call();
        } catch (RuntimeException e) {
            // javac's own crash (it happens on odd inputs): report it instead of taking the host down
            return new CompileResult(false, List.of(new CompileDiagnostic(null, 0, 0, true,
                    "the compiler crashed: " + e)), null, List.of());
        }
        List<CompileDiagnostic> diagnostics = diagnostics(collector);
        return ok ? new CompileResult(true, diagnostics, out, classNames(out))
                : new CompileResult(false, diagnostics, null, List.of());
    }

    private static List<CompileDiagnostic> diagnostics(DiagnosticCollector<JavaFileObject> collector) {
        List<CompileDiagnostic> out = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
            String file = d.getSource() == null ? null : d.getSource().getName().replaceFirst("^/", "");
            boolean error = d.getKind() == Diagnostic.Kind.ERROR;
            String message = d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
            out.add(new CompileDiagnostic(file, Math.max(0, d.getLineNumber()), Math.max(0, d.getColumnNumber()),
                    error, message));
        }
        out.sort(Comparator.comparing((CompileDiagnostic d) -> !d.error()));
        return out;
    }

    private static List<String> classNames(Path out) throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .map(s -> s.substring(0, s.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        }
    }

    /** SHA-256 over the runtime version, the class path and every file name and text. */
    static String key(SourceSet sources, List<Path> classpath) {
        MessageDigest d = pagelab.app.results.Hashes.sha256();
        d.update(Runtime.version().toString().getBytes(StandardCharsets.UTF_8));
        for (Path p : classpath) {
            d.update((p.toAbsolutePath() + "|" + lastModified(p) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, String> f : sources.files().entrySet()) {
            d.update((f.getKey() + "\0").getBytes(StandardCharsets.UTF_8));
            d.update(f.getValue().getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
        }
        return HexFormat.of().formatHex(d.digest()).substring(0, 32);
    }

    private static long lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String join(List<Path> classpath) {
        return classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }

    /** A source file held in memory; javac reports positions against its plain file name. */
    private static final class StringSource extends SimpleJavaFileObject {
        private final String text;

        StringSource(String name, String text) {
            super(URI.create("string:///" + name), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
