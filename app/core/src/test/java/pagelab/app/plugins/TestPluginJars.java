package pagelab.app.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import example.tiny.TinyExercise;

/** Public helpers for other test packages: the tiny exercise as a plugin jar, and zip surgery. */
public final class TestPluginJars {
    private TestPluginJars() {
    }

    /** A plugin jar holding the compiled tiny exercise package of the test classes. */
    public static Path tinyPlugin(Path target) throws Exception {
        Path testClasses = Path.of(TinyExercise.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path pkg = testClasses.resolve("example/tiny");
        Path staging = Files.createTempDirectory("tiny-plugin");
        Path dest = Files.createDirectories(staging.resolve("example/tiny"));
        try (Stream<Path> files = Files.list(pkg)) {
            for (Path f : files.toList()) {
                Files.copy(f, dest.resolve(f.getFileName()));
            }
        }
        Files.createDirectories(staging.resolve("META-INF"));
        Files.writeString(staging.resolve("META-INF/extensions.idx"), TinyExercise.class.getName() + "\n");
        return TestPlugins.pack(target, staging, TestPlugins.manifest("tiny-plugin"), Map.of());
    }

    /** A copy of zip {@code from} with entry {@code name}'s text rewritten. */
    public static Path rewriteEntry(Path from, Path to, String name, UnaryOperator<String> edit) throws IOException {
        try (InputStream in = Files.newInputStream(from); ZipInputStream zin = new ZipInputStream(in);
             OutputStream out = Files.newOutputStream(to); ZipOutputStream zout = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                byte[] data = zin.readAllBytes();
                if (e.getName().equals(name)) {
                    data = edit.apply(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zout.putNextEntry(new ZipEntry(e.getName()));
                zout.write(data);
                zout.closeEntry();
            }
        }
        return to;
    }
}
