package pagelab.app.grading;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import pagelab.exercise.SourceSet;
import pagelab.kernel.Kernel32;
import pagelab.solutions.CompileDiagnostic;
import pagelab.solutions.CompiledSolution;
import pagelab.solutions.SolutionCompiler;
import pagelab.solutions.StudentApi;

/**
 * javac's messages in the student's language. {@link SolutionCompiler} keeps javac's English (what a result bundle
 * and a gradebook store); for a student who reads another language the host compiles the same sources again, with the
 * same options against the same API, and asks javac for its messages in that language
 * ({@link Diagnostic#getMessage(Locale)}: the JDK ships Simplified Chinese and Japanese). The translation is used only
 * when javac reported the same diagnostics at the same places both times; otherwise, or when anything goes wrong,
 * the English stays. PageLab's own words after a message (a method newer than Java 17) are kept for
 * {@code ReportText} to translate.
 */
public final class CompilerLanguage {
    /** As SolutionCompiler compiles every solution (its OPTIONS): Java 17, java.base alone. */
    static final List<String> OPTIONS = List.of("--release", "17", "--limit-modules", "java.base",
            "-proc:none", "-g", "-encoding", "UTF-8", "-implicit:none", "-Xmaxerrs", "50");

    private CompilerLanguage() {
    }

    /**
     * {@code compiled} with javac's messages in {@code locale}'s language; {@code compiled} itself for English, for
     * a solution without diagnostics, or when the translation cannot be had.
     *
     * @param work a folder for the compile's scratch files (deleted afterwards)
     */
    public static CompiledSolution in(Locale locale, CompiledSolution compiled, SourceSet sources, StudentApi api,
                                      Path work) {
        if (locale == null || locale.getLanguage().isEmpty() || locale.getLanguage().equals("en")
                || compiled.diagnostics().isEmpty() || !SolutionCompiler.available()) {
            return compiled;
        }
        Path scratch = null;
        try {
            Files.createDirectories(work);
            scratch = Files.createTempDirectory(work, "javac-" + locale.toLanguageTag() + "-");
            List<Both> translated = javac(locale, sources, api, scratch);
            List<CompileDiagnostic> english = compiled.diagnostics();
            if (translated.size() != english.size()) {
                return compiled;
            }
            List<CompileDiagnostic> out = new ArrayList<>();
            for (int i = 0; i < english.size(); i++) {
                CompileDiagnostic e = english.get(i);
                Both t = translated.get(i);
                if (!Objects.equals(e.file(), t.file()) || e.line() != t.line() || e.column() != t.column()
                        || e.error() != t.error() || !e.message().startsWith(t.english())) {
                    return compiled;
                }
                // PageLab's note after javac's first line (a newer Java's method) stays, in English, for ReportText
                out.add(new CompileDiagnostic(e.file(), e.line(), e.column(), e.error(),
                        t.message() + e.message().substring(t.english().length())));
            }
            return new CompiledSolution(out, compiled.violations(), compiled.classesDir(), compiled.classNames());
        } catch (IOException | RuntimeException e) {
            return compiled;
        } finally {
            SolutionCompiler.deleteTree(scratch);
        }
    }

    /** One diagnostic: where, and the first line of its message in English and in the language asked for. */
    private record Both(String file, long line, long column, boolean error, String english, String message) {
    }

    private static List<Both> javac(Locale locale, SourceSet sources, StudentApi api, Path scratch)
            throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(scratch.resolve("classes"));
        List<Path> classpath = List.of(SolutionCompiler.location(Kernel32.class), apiDir(api, scratch.resolve("api")));
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        sources.files().forEach((name, text) -> units.add(new StringSource(name, text)));
        List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList())));
        options.addAll(OPTIONS);
        try (StandardJavaFileManager files = javac.getStandardFileManager(collector, locale, StandardCharsets.UTF_8)) {
            javac.getTask(Writer.nullWriter(), files, collector, options, null, units).call();
        }
        List<Both> out = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
            String file = d.getSource() == null ? null : d.getSource().getName().replaceFirst("^/", "");
            out.add(new Both(file, Math.max(0, d.getLineNumber()), Math.max(0, d.getColumnNumber()),
                    d.getKind() == Diagnostic.Kind.ERROR, firstLine(d.getMessage(Locale.ROOT)),
                    firstLine(d.getMessage(locale))));
        }
        out.sort(Comparator.comparing((Both d) -> !d.error())); // as SolutionCompiler orders them: errors first
        return out;
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse("");
    }

    /** The exercise's student-facing class files in a folder of their own, as SolutionCompiler compiles against. */
    private static Path apiDir(StudentApi api, Path dir) throws IOException {
        for (String type : api.types()) {
            String resource = type.replace('.', '/') + ".class";
            try (InputStream in = api.loader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("the exercise's class file " + resource + " cannot be read");
                }
                Path f = dir.resolve(resource);
                Files.createDirectories(f.getParent());
                Files.write(f, in.readAllBytes());
            }
        }
        Files.createDirectories(dir);
        return dir;
    }

    /** A source file held in memory, named as SolutionCompiler names it (javac reports positions against it). */
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
