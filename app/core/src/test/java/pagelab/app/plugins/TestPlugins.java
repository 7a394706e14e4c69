package pagelab.app.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds exercise plugins in tests, as PF4J's {@code PluginJar} does: compiles a one-file exercise against the test
 * class path and packs it into a jar with a manifest and an extension index.
 */
final class TestPlugins {
    private TestPlugins() {
    }

    /** Java source of an exercise {@code pkg.Ex} with id {@code exerciseId}, whose constructor runs {@code ctor}. */
    static String exercise(String pkg, String exerciseId, String ctor) {
        return """
                package %1$s;

                import java.util.List;
                import java.util.Locale;
                import pagelab.exercise.*;

                public class Ex implements Exercise {
                    public interface Sol { int value(); }

                    public static class Checks {
                        @Check(points = 1, title = "Works")
                        public CheckResult works() { return CheckResult.pass("ok"); }
                    }

                    public Ex() { %3$s }

                    public ExerciseDescriptor descriptor() {
                        return new ExerciseDescriptor("%2$s", "Test %2$s", 15, Difficulty.EASY, 5, List.of("test"));
                    }
                    public String instructions(Locale locale) { return "# %2$s"; }
                    public SourceSet starter() { return SourceSet.of("S.java", "class S {}"); }
                    public SourceSet reference() { return SourceSet.of("S.java", "class S {}"); }
                    public List<KnownWrongSolution> knownWrong() { return List.of(); }
                    public Class<?> solutionInterface() { return Sol.class; }
                    public Class<?> checks() { return Checks.class; }
                }
                """.formatted(pkg, exerciseId, ctor);
    }

    /** Compiles {@code source} (class {@code pkg.Ex}) into {@code dir} and writes the extension index there. */
    static Path compile(Path dir, String pkg, String source) throws IOException {
        Path src = Files.createTempDirectory("plugin-src");
        Path file = src.resolve("Ex.java");
        Files.writeString(file, source);
        Files.createDirectories(dir);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-proc:none", "-d", dir.toString(), "-cp",
                System.getProperty("java.class.path"), file.toString());
        if (rc != 0) {
            throw new IllegalStateException("test plugin does not compile");
        }
        Path idx = dir.resolve("META-INF/extensions.idx");
        Files.createDirectories(idx.getParent());
        Files.writeString(idx, pkg + ".Ex\n");
        return dir;
    }

    /** A plugin jar of an exercise, with the given manifest entries (none: no descriptor). */
    static Path jar(Path target, String pkg, String source, Map<String, String> manifest) throws IOException {
        Path classes = compile(Files.createTempDirectory("plugin-classes"), pkg, source);
        return pack(target, classes, manifest, Map.of());
    }

    /** The usual manifest: id, version, and a requirement this host meets. */
    static Map<String, String> manifest(String pluginId) {
        return Map.of("Plugin-Id", pluginId, "Plugin-Version", "1.0.0", "Plugin-Requires", ">=0.1.0");
    }

    /** Packs a classes folder (and extra entries) into a jar. */
    static Path pack(Path target, Path classes, Map<String, String> manifest, Map<String, byte[]> extra)
            throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
        }
        try (OutputStream out = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(out, mf)) {
            for (Path f : files) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(f));
                jar.closeEntry();
            }
            for (Map.Entry<String, byte[]> e : extra.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return target;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
