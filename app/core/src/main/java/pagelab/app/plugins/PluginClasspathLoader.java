package pagelab.app.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;

/**
 * Builds a {@link SharedApiClassLoader} for the three plugin shapes PageLab accepts: a plugin jar; a deployed
 * folder with {@code classes/} and {@code lib/*.jar} (PF4J's layout); a bare classes folder such as a module's
 * {@code target/classes} in development mode (plus any {@code lib/*.jar} inside it).
 */
final class PluginClasspathLoader implements PluginLoader {
    private final PluginManager manager;

    PluginClasspathLoader(PluginManager manager) {
        this.manager = manager;
    }

    @Override
    public boolean isApplicable(Path pluginPath) {
        return Files.isDirectory(pluginPath) || PluginFiles.isJar(pluginPath);
    }

    @Override
    public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor descriptor) {
        SharedApiClassLoader loader = new SharedApiClassLoader(manager, descriptor, PluginHost.class.getClassLoader());
        if (!Files.isDirectory(pluginPath)) {
            loader.addFile(pluginPath.toFile());
            return loader;
        }
        Path classes = pluginPath.resolve("classes");
        loader.addFile((Files.isDirectory(classes) ? classes : pluginPath).toFile());
        addJars(loader, pluginPath.resolve("lib"));
        return loader;
    }

    private static void addJars(SharedApiClassLoader loader, Path lib) {
        if (!Files.isDirectory(lib)) {
            return;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(lib, "*.jar")) {
            jars.forEach(jar -> loader.addFile(jar.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + lib, e);
        }
    }
}
