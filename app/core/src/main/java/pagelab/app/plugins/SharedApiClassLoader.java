package pagelab.app.plugins;

import java.util.List;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin class loader that takes the shared packages (the kernel SPI, the exercise API, PF4J) from the host,
 * always. A plugin jar that wrongly bundles its own copy of the API would otherwise define a second
 * {@code Exercise} interface and its extension would silently not be one of the host's (see dependencies.md).
 * Everything else is looked up in the plugin first, as PF4J does by default.
 */
final class SharedApiClassLoader extends PluginClassLoader {

    /** Package prefixes the host shares with every plugin, parent-first. */
    static final List<String> SHARED_PREFIXES = List.of("pagelab.kernel.", "pagelab.exercise.", "org.pf4j.");

    static {
        registerAsParallelCapable();
    }

    SharedApiClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
        super(manager, descriptor, parent, ClassLoadingStrategy.PDA);
    }

    @Override
    public Class<?> loadClass(String className) throws ClassNotFoundException {
        if (isShared(className)) {
            return getParent().loadClass(className);
        }
        return super.loadClass(className);
    }

    static boolean isShared(String className) {
        for (String prefix : SHARED_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
