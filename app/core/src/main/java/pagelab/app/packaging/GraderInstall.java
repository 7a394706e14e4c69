package pagelab.app.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import pagelab.app.plugins.LoadedExercise;

/**
 * PageLab without the desktop, as a folder a grader runs: {@code bin/pagelab} (a POSIX shell launcher),
 * {@code lib/} (the host's class path: app-core and its libraries, no Swing desktop) and {@code plugins/} (the
 * exercises' plugin jars). The folder may be a real one or the root of a zip file system.
 *
 * <p>The class path is found from where this class was loaded. In an installation (app/dist) that is
 * {@code lib/app-core-VERSION.jar}, whose manifest attribute {@value #CORE_CLASS_PATH} lists exactly the core's
 * runtime libraries (app/core's pom writes it; not {@code Class-Path}, which the JVM would follow into every grading
 * child), so the desktop and its look-and-feel stay behind. Run from classes
 * folders (a source tree, tests) it is the JVM's class path without test classes and plugins; each folder becomes
 * a jar.
 */
public final class GraderInstall {
    /** The manifest attribute of app-core's jar that names the core's libraries, relative to the jar. */
    static final String CORE_CLASS_PATH = "PageLab-Core-Class-Path";
    /** The launcher's path inside the folder. */
    public static final String LAUNCHER = "bin/pagelab";
    static final String MAIN_CLASS = "pagelab.app.cli.PageLabCli";

    private final List<Path> classPath;
    private final List<LoadedExercise> exercises;

    private GraderInstall(List<Path> classPath, List<LoadedExercise> exercises) {
        this.classPath = List.copyOf(classPath);
        this.exercises = List.copyOf(exercises);
    }

    /** This host's class path and {@code exercises}' plugins. */
    public static GraderInstall of(List<LoadedExercise> exercises) throws IOException {
        return new GraderInstall(hostClassPath(), exercises);
    }

    /** The jars and folders the host runs on, without the desktop. */
    public List<Path> classPath() {
        return classPath;
    }

    /**
     * Writes the installation under {@code root}: {@code bin/pagelab}, {@code lib/}, {@code plugins/ID.jar}.
     *
     * @throws IOException if a file cannot be read or written, or a plugin is neither a jar nor a plugin folder
     */
    public void writeTo(Path root) throws IOException {
        Path lib = Files.createDirectories(root.resolve("lib"));
        Set<String> names = new LinkedHashSet<>();
        for (Path entry : classPath) {
            String name = unique(names, Files.isDirectory(entry) ? folderJarName(entry) : entry.getFileName()
                    .toString());
            if (Files.isDirectory(entry)) {
                jarFolder(entry, null, lib.resolve(name));
            } else {
                Files.copy(entry, lib.resolve(name));
            }
        }
        Path plugins = Files.createDirectories(root.resolve("plugins"));
        for (LoadedExercise ex : exercises) {
            Path target = plugins.resolve(ex.pluginId() + ".jar");
            if (Files.exists(target)) {
                continue; // two exercises of one plugin
            }
            Path plugin = ex.pluginPath();
            if (Files.isRegularFile(plugin)) {
                Files.copy(plugin, target);
            } else if (Files.isRegularFile(plugin.resolve("plugin.properties"))) {
                jarFolder(plugin, manifestOf(plugin.resolve("plugin.properties")), target);
            } else {
                throw new IOException("cannot package plugin " + ex.pluginId() + " from " + plugin
                        + ": neither a jar nor a folder with plugin.properties");
            }
        }
        Path launcher = root.resolve(LAUNCHER);
        Files.createDirectories(launcher.getParent());
        Files.writeString(launcher, Templates.text("pagelab.sh", Map.of("MAIN", MAIN_CLASS)));
        executable(launcher);
    }

    /** Marks {@code file} rwxr-xr-x where the file system keeps POSIX modes (a zip file system asked to). */
    static void executable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Windows: the scripts are run with sh or bash explicitly
        }
    }

    static List<Path> hostClassPath() throws IOException {
        Path self = location(GraderInstall.class);
        Set<Path> out = new LinkedHashSet<>();
        String core = Files.isRegularFile(self) ? attribute(self, CORE_CLASS_PATH) : null;
        if (core != null && !core.isBlank()) { // an installation: app-core's jar names its libraries
            out.add(self);
            for (String item : core.trim().split(":")) { // the pom's pathSeparator on every system
                follow(Path.of(self.getParent().toUri().resolve(item)).normalize(), out);
            }
        } else {
            for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                if (!e.isBlank()) {
                    follow(Path.of(e).toAbsolutePath().normalize(), out);
                }
            }
        }
        List<Path> kept = new ArrayList<>();
        for (Path p : out) {
            if (keep(p)) {
                kept.add(p);
            }
        }
        return kept;
    }

    /** Adds {@code entry} and, for a jar, what its manifest's Class-Path names (recursively). */
    private static void follow(Path entry, Set<Path> out) throws IOException {
        if (!Files.exists(entry) || !out.add(entry) || !Files.isRegularFile(entry)) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest mf = jar.getManifest();
            String cp = mf == null ? null : mf.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (cp == null) {
                return;
            }
            for (String item : cp.trim().split("\\s+")) {
                try {
                    URI uri = entry.getParent().toUri().resolve(item);
                    if ("file".equals(uri.getScheme())) {
                        follow(Path.of(uri).normalize(), out);
                    }
                } catch (IllegalArgumentException e) {
                    // an entry the JVM would skip too
                }
            }
        }
    }

    private static String attribute(Path jarFile, String name) throws IOException {
        try (JarFile jar = new JarFile(jarFile.toFile())) {
            Manifest mf = jar.getManifest();
            return mf == null ? null : mf.getMainAttributes().getValue(name);
        }
    }

    /** Not test classes, not a test runner's booter jar, not a plugin (plugins go to plugins/), not the desktop. */
    private static boolean keep(Path p) throws IOException {
        String name = p.getFileName().toString();
        if (name.equals("test-classes") || name.startsWith("surefire") || name.startsWith("app-desktop")) {
            return false;
        }
        if (Files.isDirectory(p)) {
            return !Files.exists(p.resolve("plugin.properties")) && !folderJarName(p).startsWith("desktop-");
        }
        try (JarFile jar = new JarFile(p.toFile())) {
            Manifest mf = jar.getManifest();
            boolean plugin = mf != null && mf.getMainAttributes().getValue("Plugin-Id") != null;
            boolean classes = jar.stream().anyMatch(e -> e.getName().endsWith(".class"));
            return !plugin && classes;
        } catch (IOException e) {
            return false; // not a jar: the JVM ignores it too
        }
    }

    /** {@code app/core/target/classes} becomes {@code core-classes.jar}. */
    private static String folderJarName(Path dir) {
        Path module = dir.getParent() != null && dir.getParent().getFileName().toString().equals("target")
                ? dir.getParent().getParent() : dir.getParent();
        return (module == null ? "classes" : module.getFileName() + "-" + dir.getFileName()) + ".jar";
    }

    private static String unique(Set<String> names, String name) {
        String n = name;
        for (int i = 2; !names.add(n); i++) {
            n = name.replaceFirst("\\.jar$", "") + "-" + i + ".jar";
        }
        return n;
    }

    /** A plugin folder's plugin.properties as the manifest a deployed plugin jar has. */
    private static Manifest manifestOf(Path properties) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(properties)) {
            p.load(in);
        }
        Map<String, String> names = new LinkedHashMap<>(Map.of("plugin.id", "Plugin-Id", "plugin.version",
                "Plugin-Version", "plugin.requires", "Plugin-Requires", "plugin.class", "Plugin-Class",
                "plugin.provider", "Plugin-Provider", "plugin.dependencies", "Plugin-Dependencies",
                "plugin.description", "Plugin-Description", "plugin.license", "Plugin-License"));
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        names.forEach((key, attr) -> {
            String v = p.getProperty(key);
            if (v != null && !v.isBlank()) {
                mf.getMainAttributes().putValue(attr, v.trim());
            }
        });
        return mf;
    }

    private static void jarFolder(Path dir, Manifest manifest, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream o = Files.newOutputStream(target);
             JarOutputStream jar = manifest == null ? new JarOutputStream(o) : new JarOutputStream(o, manifest)) {
            for (Path f : files) {
                String name = dir.relativize(f).toString().replace('\\', '/');
                if (manifest != null && name.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                jar.putNextEntry(new JarEntry(name));
                Files.copy(f, jar);
                jar.closeEntry();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static Path location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("GraderInstall.location: " + c, e);
        }
    }
}
