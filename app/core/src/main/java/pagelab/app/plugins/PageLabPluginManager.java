package pagelab.app.plugins;

import java.nio.file.Path;
import java.util.List;
import org.pf4j.CompoundPluginRepository;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginWrapper;

/**
 * PF4J's manager with PageLab's loader and descriptor finder. It never scans a plugins root by itself:
 * {@link PluginHost} hands it one candidate at a time through {@link #load(Path)}, so that every candidate's
 * failure is caught and recorded instead of only logged (PF4J's {@code loadPlugins()} logs and drops a plugin
 * whose descriptor cannot be read).
 */
final class PageLabPluginManager extends DefaultPluginManager {

    PageLabPluginManager() {
        super(List.of());
    }

    @Override
    protected PluginRepository createPluginRepository() {
        return new CompoundPluginRepository();
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new PluginClasspathLoader(this);
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new PluginDescriptors();
    }

    /**
     * Reads the descriptor, creates the class loader and registers the plugin (RESOLVED, or DISABLED when its
     * {@code Plugin-Requires} excludes the system version).
     *
     * @throws RuntimeException with PF4J's reason when the candidate is not a loadable plugin
     */
    PluginWrapper load(Path path) {
        PluginWrapper wrapper = loadPluginFromPath(path);
        resolvePlugins();
        return wrapper;
    }

    /** Whether the plugin's {@code Plugin-Requires} accepts this host's system version. */
    boolean requirementMet(PluginWrapper wrapper) {
        String requires = wrapper.getDescriptor().getRequires();
        if (requires == null || requires.isBlank() || requires.trim().equals("*")) {
            return true;
        }
        String constraint = requires.trim();
        if (constraint.matches("\\d+\\.\\d+\\.\\d+")) {
            constraint = ">=" + constraint;
        }
        try {
            return getVersionManager().checkVersionConstraint(getSystemVersion(), constraint);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
