package pagelab.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import pagelab.exercise.SourceSet;
import pagelab.exercises.sparsecells.SparseCells;

/** The sparse-cells plugin as a deployed jar (the module's jar, or its classes packed with their manifest). */
final class SparseCellsPlugin {
    private SparseCellsPlugin() {
    }

    static Path jar(Path target) throws IOException, URISyntaxException {
        Path built = Path.of(SparseCells.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(built)) {
            return Files.copy(built, target);
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(built.resolve("plugin.properties"))) {
            p.load(in);
        }
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Map.of("plugin.id", "Plugin-Id", "plugin.version", "Plugin-Version", "plugin.requires", "Plugin-Requires")
                .forEach((k, attr) -> mf.getMainAttributes().putValue(attr, p.getProperty(k)));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(built)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(out, mf)) {
            for (Path f : files) {
                jar.putNextEntry(new JarEntry(built.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, jar);
                jar.closeEntry();
            }
        }
        return target;
    }

    /** Writes {@code sources} into a new folder {@code dir}. */
    static Path write(Path dir, SourceSet sources) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> f : sources.files().entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        return dir;
    }
}
