package pagelab.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Where PageLab keeps user data and finds plugins. Inherited by every command, so each accepts them.
 * Resolution order for the data folder: {@code --data-dir}, {@code PAGELAB_HOME}, {@code -Dpagelab.home},
 * {@code ~/.pagelab}.
 */
final class HostOptions {
    /** Environment variable naming the data folder. */
    static final String HOME_ENV = "PAGELAB_HOME";
    /** System property naming the data folder. */
    static final String HOME_PROPERTY = "pagelab.home";

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "User data folder (default: $PAGELAB_HOME, else ~/.pagelab); plugins go in DIR/plugins.")
    Path dataDir;

    @Option(names = "--plugins", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "Also load this plugin jar or folder (repeatable).")
    List<Path> plugins = new ArrayList<>();

    @Option(names = "--dev", paramLabel = "ROOT", arity = "0..1", fallbackValue = ".", scope = ScopeType.INHERIT,
            description = "Development mode: load exercises/*/target/classes of the source tree ROOT (default .).")
    Path devRoot;

    Path dataDir(Map<String, String> env) {
        if (dataDir != null) {
            return dataDir;
        }
        String home = env.get(HOME_ENV);
        if (home == null || home.isBlank()) {
            home = System.getProperty(HOME_PROPERTY);
        }
        return home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".pagelab") : Path.of(home);
    }

    /** The explicit source tree, or the current folder when it is a PageLab source tree and nothing else is set. */
    List<Path> sourceTrees() {
        if (devRoot != null) {
            return List.of(devRoot);
        }
        Path cwd = Path.of("").toAbsolutePath();
        boolean tree = Files.isDirectory(cwd.resolve("exercises")) && Files.isDirectory(cwd.resolve("plugins"))
                && Files.isRegularFile(cwd.resolve("pom.xml"));
        return tree ? List.of(cwd) : List.of();
    }
}
