package pagelab.solutions;

import java.io.IOException;
import java.io.InputStream;
import java.io.File;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import pagelab.kernel.Kernel32;

/**
 * Compiles a student's sources with {@code javax.tools}, in this JVM, against only what a solution may see: the
 * JDK's {@code java.base}, the kernel API and the exercise's student-facing types ({@link StudentApi}), never the
 * checker, the exercise API or the simulator. Then it judges the class files with the {@link SolutionPolicy}.
 * Compiling parses and generates code and runs nothing of the student's, so it is safe in the host.
 *
 * <p>Class files go to a content-addressed cache: the same sources against the same API are compiled once (the
 * shipped reference, a resubmitted solution). The cache belongs to the host; a solution's code can never write
 * there, and whatever is there is judged again before it runs.
 *
 * <p>javac's messages are kept in English (what results, bundles and gradebooks store). A compile can also render
 * them in the languages a student may read ({@link #compile(SourceSet, StudentApi, List)}): javac's diagnostics
 * render in any locale it has messages for (the JDK ships Simplified Chinese and Japanese), so one run gives both.
 *
 * <p>Thread-safe: concurrent compilations of the same sources race to move a finished folder into place and the
 * loser discards its copy.
 *
 * @since 0.2
 */
public final class SolutionCompiler {
    private static final String LIST_FILE = ".classes";
    /** The options every solution is compiled with: Java 17 and java.base alone, as it will run. */
    private static final List<String> OPTIONS = options(Runtime.version().feature());

    private final Path cacheDir;
    private final SolutionPolicy policy;
    private final Map<StudentApi, Path> apiDirs = new ConcurrentHashMap<>();

    /** @param cacheDir where compiled folders are kept, e.g. {@code ~/.pagelab/cache/classes} */
    public SolutionCompiler(Path cacheDir) {
        this(cacheDir, SolutionPolicy.standard());
    }

    public SolutionCompiler(Path cacheDir, SolutionPolicy policy) {
        this.cacheDir = cacheDir.toAbsolutePath();
        this.policy = policy;
    }

    /** Whether this runtime can compile (a JDK with {@code jdk.compiler}, not a JRE). */
    public static boolean available() {
        return ToolProvider.getSystemJavaCompiler() != null;
    }

    /**
     * Compiles {@code sources} for an exercise whose solutions may use {@code api}, and judges the result. Never
     * throws for bad sources: they give diagnostics or violations.
     *
     * @throws UncheckedIOException if the cache folder cannot be written
     */
    public CompiledSolution compile(SourceSet sources, StudentApi api) {
        return compile(sources, api, List.of());
    }

    /**
     * As {@link #compile(SourceSet, StudentApi)}, with javac's messages also in each of {@code languages}
     * ({@link CompiledSolution#in(Locale)}) from the same run. Class files come from the cache when they are there,
     * and then there are no messages to render.
     */
    public CompiledSolution compile(SourceSet sources, StudentApi api, List<Locale> languages) {
        try {
            List<Path> classpath = List.of(location(Kernel32.class), apiDir(api));
            String key = key(sources, classpath);
            Path done = cacheDir.resolve(key);
            CompiledSolution compiled;
            if (Files.isRegularFile(done.resolve(LIST_FILE))) {
                compiled = new CompiledSolution(List.of(), List.of(), done, Files.readAllLines(done.resolve(LIST_FILE)));
            } else {
                compiled = compileFresh(sources, classpath, key, done, languages);
            }
            if (!compiled.compiled()) {
                return compiled;
            }
            List<PolicyViolation> violations = policy.check(classFiles(compiled), api);
            return new CompiledSolution(compiled.diagnostics(), violations, compiled.classesDir(),
                    compiled.classNames(), compiled.translations());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write compiled classes under " + cacheDir + ": "
                    + e.getMessage(), e);
        }
    }

    private CompiledSolution compileFresh(SourceSet sources, List<Path> classpath, String key, Path done,
                                          List<Locale> languages) throws IOException {
        Files.createDirectories(cacheDir);
        Path work = Files.createTempDirectory(cacheDir, key + ".tmp-" + ProcessHandle.current().pid() + "-");
        CompiledSolution r = javac(sources, classpath, work, languages);
        if (!r.compiled()) {
            deleteTree(work);
            return r;
        }
        Files.write(work.resolve(LIST_FILE), r.classNames());
        return new CompiledSolution(r.diagnostics(), List.of(), publish(work, done), r.classNames(),
                r.translations());
    }

    /** The class files of a compiled solution, by binary name. */
    public static Map<String, byte[]> classFiles(CompiledSolution compiled) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String name : compiled.classNames()) {
            out.put(name, Files.readAllBytes(compiled.classesDir().resolve(name.replace('.', '/') + ".class")));
        }
        return out;
    }

    /**
     * javac's options on a JDK of the given feature release. {@code --release 17} holds a newer JDK's javac to Java
     * 17's language and API; on a JDK 17 it says nothing javac does not already do (its default is 17, and
     * {@code --limit-modules java.base} leaves only the exported API of this JDK's java.base), yet it opened the
     * JDK's {@code ct.sym} archive anew on every compile: about 15 ms of every graded submission
     * (docs/benchmarks.md).
     */
    static List<String> options(int jdkFeature) {
        List<String> options = new ArrayList<>();
        if (jdkFeature != 17) {
            options.addAll(List.of("--release", "17"));
        }
        options.addAll(List.of("--limit-modules", "java.base", "-proc:none", "-g", "-encoding", "UTF-8",
                "-implicit:none", "-Xmaxerrs", "50"));
        return List.copyOf(options);
    }

    private static CompiledSolution javac(SourceSet sources, List<Path> classpath, Path out, List<Locale> languages)
            throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return failed(new CompileDiagnostic(null, 0, 0, true, "no Java compiler in this runtime: PageLab needs "
                    + "a JDK, not a JRE (java.home = " + System.getProperty("java.home") + ")"));
        }
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        sources.files().forEach((name, text) -> units.add(new StringSource(name, text)));
        List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-classpath", join(classpath)));
        options.addAll(OPTIONS);
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(collector, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            ok = javac.getTask(Writer.nullWriter(), files, collector, options, null, units).call();
        } catch (RuntimeException e) {
            // javac's own crash (it happens on odd inputs): report it instead of taking the host down
            return failed(new CompileDiagnostic(null, 0, 0, true, "the compiler crashed: " + e));
        }
        List<Diagnostic<? extends JavaFileObject>> found = new ArrayList<>(collector.getDiagnostics());
        found.sort(Comparator.comparing(d -> d.getKind() != Diagnostic.Kind.ERROR)); // stable: each in source order
        List<CompileDiagnostic> english = diagnostics(found, Locale.ROOT);
        Map<Locale, List<CompileDiagnostic>> translations = new LinkedHashMap<>();
        languages.forEach(language -> translations.put(language, diagnostics(found, language)));
        return ok ? new CompiledSolution(english, List.of(), out, classNames(out), translations)
                : new CompiledSolution(english, List.of(), null, List.of(), translations);
    }

    private static CompiledSolution failed(CompileDiagnostic d) {
        return new CompiledSolution(List.of(d), List.of(), null, List.of());
    }

    /**
     * The folder holding the class files of the exercise's student-facing types, and nothing else of its plugin:
     * what the solution compiles against. Written once per API (content-addressed).
     */
    private Path apiDir(StudentApi api) throws IOException {
        Path known = apiDirs.get(api);
        if (known != null && Files.isDirectory(known)) {
            return known;
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (String type : api.types().stream().sorted().toList()) {
            String resource = type.replace('.', '/') + ".class";
            try (InputStream in = api.loader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("the exercise's class file " + resource + " cannot be read");
                }
                classes.put(resource, in.readAllBytes());
            }
        }
        MessageDigest d = sha256();
        classes.forEach((name, bytes) -> {
            d.update(name.getBytes(StandardCharsets.UTF_8));
            d.update(bytes);
        });
        Path dir = cacheDir.resolve("api").resolve(HexFormat.of().formatHex(d.digest()).substring(0, 32));
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            Path work = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".tmp-"
                    + ProcessHandle.current().pid() + "-");
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                Path f = work.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.write(f, e.getValue());
            }
            publish(work, dir);
        }
        apiDirs.put(api, dir);
        return dir;
    }

    private static Path publish(Path work, Path done) throws IOException {
        try {
            Files.move(work, done, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            deleteTree(work);
        } catch (IOException e) {
            if (!Files.isDirectory(done)) {
                throw e;
            }
            deleteTree(work); // another thread published the same key first (a non-empty target)
        }
        return done;
    }

    /**
     * javac's messages in {@code language}: the first line of each, and PageLab's note about a method newer than
     * Java 17 after it, always in English (ReportText translates it with the rest of PageLab's words).
     */
    private static List<CompileDiagnostic> diagnostics(List<Diagnostic<? extends JavaFileObject>> found,
                                                       Locale language) {
        List<CompileDiagnostic> out = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : found) {
            String file = d.getSource() == null ? null : d.getSource().getName().replaceFirst("^/", "");
            boolean error = d.getKind() == Diagnostic.Kind.ERROR;
            String message = d.getMessage(language).lines().findFirst().orElse("")
                    + newerThanJava17(d.getMessage(Locale.ROOT));
            out.add(new CompileDiagnostic(file, Math.max(0, d.getLineNumber()), Math.max(0, d.getColumnNumber()),
                    error, message));
        }
        return List.copyOf(out);
    }

    /**
     * Methods of the Java class library added after Java 17, by name, with the types that have them and the release
     * that added them: a student on a newer JDK writes them, and javac (held to {@code --release 17}) only says
     * "cannot find symbol".
     */
    private static final Map<String, String> NEWER_METHODS = Map.ofEntries(
            Map.entry("getFirst", "21 List LinkedHashSet SortedSet TreeSet ArrayList SequencedCollection"),
            Map.entry("getLast", "21 List LinkedHashSet SortedSet TreeSet ArrayList SequencedCollection"),
            Map.entry("removeFirst", "21 List LinkedHashSet SortedSet TreeSet ArrayList SequencedCollection"),
            Map.entry("removeLast", "21 List LinkedHashSet SortedSet TreeSet ArrayList SequencedCollection"),
            Map.entry("addFirst", "21 List LinkedHashSet SortedSet TreeSet ArrayList SequencedCollection"),
            Map.entry("addLast", "21 List LinkedHashSet SortedSet TreeSet ArrayList SequencedCollection"),
            Map.entry("reversed", "21 List LinkedHashSet SortedSet TreeSet ArrayList Deque LinkedHashMap SortedMap "
                    + "TreeMap SequencedCollection SequencedMap"),
            Map.entry("firstEntry", "21 LinkedHashMap"),
            Map.entry("lastEntry", "21 LinkedHashMap"),
            Map.entry("repeat", "21 StringBuilder StringBuffer"),
            Map.entry("clamp", "21 Math StrictMath"),
            Map.entry("splitWithDelimiters", "21 String Pattern"),
            Map.entry("isEmoji", "21 Character"),
            Map.entry("threadId", "19 Thread"),
            Map.entry("ofVirtual", "21 Thread"),
            Map.entry("startVirtualThread", "21 Thread"),
            Map.entry("newHashMap", "19 HashMap LinkedHashMap WeakHashMap"),
            Map.entry("newHashSet", "19 HashSet LinkedHashSet"),
            Map.entry("ceilDiv", "18 Math StrictMath"),
            Map.entry("ceilMod", "18 Math StrictMath"),
            Map.entry("unsignedMultiplyHigh", "18 Math StrictMath"));

    /**
     * For javac's "cannot find symbol" of a method the class library gained after Java 17, what to tell the student:
     * solutions are Java 17, whatever JDK they wrote them with. Empty for any other message.
     */
    static String newerThanJava17(String message) {
        if (!message.startsWith("cannot find symbol")) {
            return "";
        }
        Matcher symbol = Pattern.compile("symbol:\\s+method (\\w+)\\(")
                .matcher(message);
        Matcher location = Pattern.compile(
                "location:\\s+(?:class|interface|variable \\w+ of type)\\s+(?:[\\w.]+\\.)?(\\w+)").matcher(message);
        if (!symbol.find() || !location.find()) {
            return "";
        }
        String[] known = NEWER_METHODS.getOrDefault(symbol.group(1), "").split(" ");
        if (known.length < 2 || !List.of(known).subList(1, known.length).contains(location.group(1))) {
            return "";
        }
        return ": " + location.group(1) + "." + symbol.group(1) + "() came with Java " + known[0] + ", but "
                + "solutions are compiled as Java 17, which does not have it";
    }

    private static List<String> classNames(Path out) throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .map(s -> s.substring(0, s.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        }
    }

    /** SHA-256 over the runtime version, the options, the class path and every file name and text. */
    static String key(SourceSet sources, List<Path> classpath) {
        MessageDigest d = sha256();
        d.update((Runtime.version() + "|" + OPTIONS + "\n").getBytes(StandardCharsets.UTF_8));
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static long lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The jar or folder a class was loaded from. */
    public static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot locate the jar of " + type.getName(), e));
        }
    }

    private static String join(List<Path> classpath) {
        return classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** Deletes a folder and everything in it, quietly: a leftover temporary folder is harmless. */
    public static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // the clean-up at the next start takes what is left
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
