package pagelab.app.plugins;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the host looks for exercise plugins, in priority order: development source trees, the shipped plugin
 * folder, explicit paths, the user's plugin folder (only what the user installed, see {@link InstalledPlugins}).
 * The shipped exercises come before anything a user adds, so no plugin can take over a shipped exercise's id: the
 * later one is refused with the reason. A missing folder is simply empty.
 *
 * @param sourceTrees roots of PageLab source trees whose {@code exercises/NAME/target/classes} are loaded
 * @param explicit    single plugin jars or folders named by the user
 * @param userDir     the user's plugin folder, or null
 * @param shippedDir  the folder shipped with the installation, or null
 */
public record PluginLocations(List<Path> sourceTrees, List<Path> explicit, Path userDir, Path shippedDir) {

    /** System property naming the shipped plugin folder; the launcher script sets it. */
    public static final String SHIPPED_DIR_PROPERTY = "pagelab.plugins.dir";
    /** Environment variable naming the shipped plugin folder when the property is absent. */
    public static final String SHIPPED_DIR_ENV = "PAGELAB_PLUGINS_DIR";
    /** System property naming a source tree to load in development mode. */
    public static final String DEV_ROOT_PROPERTY = "pagelab.dev.root";
    /** Environment variable naming a source tree when the property is absent. */
    public static final String DEV_ROOT_ENV = "PAGELAB_DEV_ROOT";

    public PluginLocations {
        sourceTrees = List.copyOf(sourceTrees);
        explicit = List.copyOf(explicit);
    }

    /** Only the given plugin paths, as {@code verify-plugin} and tests use. */
    public static PluginLocations only(Path... plugins) {
        return new PluginLocations(List.of(), List.of(plugins), null, null);
    }

    /**
     * The locations of an installation: {@code dataDir/plugins}, the shipped folder and the development source
     * tree named by system properties or environment variables (see the constants), and {@code extra} paths.
     */
    public static PluginLocations standard(Path dataDir, List<Path> sourceTrees, List<Path> extra,
                                           Map<String, String> env) {
        List<Path> trees = new ArrayList<>(sourceTrees);
        String dev = System.getProperty(DEV_ROOT_PROPERTY, env.get(DEV_ROOT_ENV));
        if (dev != null && !dev.isBlank()) {
            trees.add(Path.of(dev));
        }
        String shipped = System.getProperty(SHIPPED_DIR_PROPERTY, env.get(SHIPPED_DIR_ENV));
        Path shippedDir = shipped == null || shipped.isBlank() ? null : Path.of(shipped);
        return new PluginLocations(trees, extra, dataDir.resolve("plugins"), shippedDir);
    }

    /** One path to try as a plugin, and where it came from. */
    public record Candidate(Path path, PluginOrigin origin) {
    }

    /**
     * Every candidate, in priority order. Within a folder, names are sorted so that loading is reproducible.
     *
     * @throws IOException only if a folder exists but cannot be listed
     */
    public List<Candidate> candidates() throws IOException {
        List<Candidate> out = new ArrayList<>();
        for (Path tree : sourceTrees) {
            for (Path module : children(tree.resolve("exercises"))) {
                Path classes = module.resolve("target").resolve("classes");
                if (Files.isDirectory(classes)) {
                    out.add(new Candidate(classes, PluginOrigin.DEVELOPMENT));
                }
            }
        }
        addFolder(out, shippedDir, PluginOrigin.SHIPPED);
        explicit.forEach(p -> out.add(new Candidate(p, PluginOrigin.EXPLICIT)));
        addFolder(out, userDir, PluginOrigin.USER);
        return out;
    }

    private static void addFolder(List<Candidate> out, Path dir, PluginOrigin origin) throws IOException {
        for (Path p : children(dir)) {
            String name = p.getFileName().toString().toLowerCase();
            if ((Files.isDirectory(p) || name.endsWith(".jar") || name.endsWith(".zip"))
                    && !name.equals(InstalledPlugins.FILE)) {
                out.add(new Candidate(p, origin));
            }
        }
    }

    private static List<Path> children(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (!p.getFileName().toString().startsWith(".")) {
                    out.add(p);
                }
            }
        }
        out.sort(null);
        return out;
    }
}
