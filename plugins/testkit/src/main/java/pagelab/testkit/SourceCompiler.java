package pagelab.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import pagelab.exercise.Exercise;
import pagelab.exercise.SourceSet;
import pagelab.kernel.Kernel32;

/**
 * Compiles an exercise's source sets in this JVM with {@code javax.tools} into a fresh temporary folder, against
 * the exercise's own classes and the kernel API, and loads them in a child class loader of the exercise's.
 * Thread-safe; each call has its own folder (removed when the JVM exits).
 *
 * @since 0.1
 */
public final class SourceCompiler {
    private final JavaCompiler javac;
    private final List<Path> extraClassPath;

    /**
     * @param extraClassPath more class-path entries for the student's code, e.g. libraries of a plugin
     * @throws IllegalStateException on a JRE without {@code jdk.compiler}
     */
    public SourceCompiler(List<Path> extraClassPath) {
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("No Java compiler in this runtime (" + System.getProperty("java.home")
                    + "): run PageLab on a JDK, not a JRE");
        }
        this.extraClassPath = List.copyOf(extraClassPath);
    }

    public SourceCompiler() {
        this(List.of());
    }

    /** Compiles {@code sources} for {@code exercise}; compile errors are data, not exceptions. */
    public CompiledSolution compile(Exercise exercise, SourceSet sources) {
        try {
            Path root = Files.createTempDirectory("pagelab-compile-");
            Path src = Files.createDirectories(root.resolve("src"));
            Path out = Files.createDirectories(root.resolve("classes"));
            List<File> files = new ArrayList<>();
            for (Map.Entry<String, String> e : sources.files().entrySet()) {
                Path p = src.resolve(e.getKey());
                Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
                files.add(p.toFile());
            }
            List<CompileDiagnostic> diagnostics = new ArrayList<>();
            boolean ok = run(files, out, classPath(exercise), diagnostics);
            deleteOnExit(root);
            if (!ok) {
                return new CompiledSolution(false, diagnostics, out, List.of(), null);
            }
            ClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
                    exercise.getClass().getClassLoader());
            return new CompiledSolution(true, diagnostics, out, classNames(out), loader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile in a temporary folder: " + e.getMessage(), e);
        }
    }

    private boolean run(List<File> files, Path out, String classPath, List<CompileDiagnostic> diagnostics)
            throws IOException {
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(collector, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", out.toString(), "-classpath", classPath, "--release", "17",
                    "-encoding", "UTF-8", "-proc:none", "-g", "-nowarn");
            boolean ok = javac.getTask(null, fm, collector, options, null, fm.getJavaFileObjectsFromFiles(files))
                    .call();
            for (Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
                String file = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName().toString();
                diagnostics.add(new CompileDiagnostic(file, d.getLineNumber(), d.getColumnNumber(), d.getKind().name(),
                        d.getMessage(Locale.ROOT)));
            }
            return ok;
        }
    }

    // The exercise's classes (its jar or folder), the API and kernel jars, then the JVM's class path as fallback.
    private String classPath(Exercise exercise) {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : new Class<?>[] {exercise.getClass(), exercise.solutionInterface(), Exercise.class,
                                          Kernel32.class}) {
            String location = location(c);
            if (location != null) {
                entries.add(location);
            }
        }
        extraClassPath.forEach(p -> entries.add(p.toString()));
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String location(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(cs.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null; // not a file (e.g. a nested jar URL): the JVM class path fallback has to do
        }
    }

    private static List<String> classNames(Path out) throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> out.relativize(p).toString().replace(File.separatorChar, '.'))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .sorted()
                    .toList();
        }
    }

    private static void deleteOnExit(Path root) throws IOException {
        // Registered parents first: File.deleteOnExit deletes in reverse order of registration.
        try (Stream<Path> s = Files.walk(root)) {
            s.forEach(p -> p.toFile().deleteOnExit());
        }
    }

    /** Whether this runtime can compile (a JDK with {@code jdk.compiler}). */
    public static boolean available() {
        return ToolProvider.getSystemJavaCompiler() != null;
    }
}
