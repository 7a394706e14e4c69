package pagelab.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files of a plugin, by their path inside it ({@code pagelab/exercises/x/X.class}, {@code x/instructions.md}):
 * from its jar, or from its class folder in development. Plugin jars are small, so everything is read at once.
 *
 * @param location the jar or folder
 * @param files    path inside the plugin to content, sorted by path
 */
record PluginContents(Path location, Map<String, byte[]> files) {

    /** Where the class {@code anchor} was loaded from, as a file; null when it cannot be read as one. */
    static Path location(Class<?> anchor) {
        CodeSource cs = anchor.getProtectionDomain().getCodeSource();
        try {
            return cs == null || cs.getLocation() == null ? null : Path.of(cs.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Reads the plugin at {@code location}, a class folder or a jar. */
    static PluginContents read(Path location) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> s = Files.walk(location)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    files.put(location.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    if (!e.isDirectory()) {
                        try (InputStream in = jar.getInputStream(e)) {
                            files.put(e.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        }
        return new PluginContents(location, files);
    }

    /**
     * Whether this is a plugin PF4J can load (a descriptor in {@code plugin.properties} or the manifest), rather
     * than, say, a test's class folder that also holds the exercise.
     */
    boolean isPlugin() {
        byte[] manifest = files.get("META-INF/MANIFEST.MF");
        return files.containsKey("plugin.properties")
                || manifest != null && new String(manifest, StandardCharsets.UTF_8).contains("Plugin-Id:");
    }
}
