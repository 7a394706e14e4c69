package pagelab.app.desktop;

import pagelab.app.desktop.store.UserDataStore;
import pagelab.app.grading.Grader;
import pagelab.app.grading.GraderOptions;
import pagelab.app.plugins.PluginHost;
import pagelab.app.plugins.PluginLocations;

import java.util.List;

/**
 * The desktop's handle on app-core: the plugin host (loaded off the EDT at startup) and the grader with its warm
 * child JVM. Confinement: {@link #loadPlugins} runs on a worker thread once; the grader is used by one
 * {@code CheckJob} or one compile in the background at a time (the workbench never runs both) and replaced after a
 * cancel.
 */
public final class HostServices implements AutoCloseable {
    private final UserDataStore store;
    private volatile PluginHost host;
    private Grader grader;

    public HostServices(UserDataStore store) {
        this.store = store;
    }

    /** Loads every plugin of the standard locations (user folder, shipped folder, development tree). */
    public PluginHost loadPlugins() {
        PluginHost h = PluginHost.load(PluginLocations.standard(store.root(), List.of(), List.of(), System.getenv()));
        host = h;
        return h;
    }

    /** The plugin host, or null while it is still loading. */
    public PluginHost host() {
        return host;
    }

    /** The grader, created on first use. */
    public synchronized Grader grader() {
        if (grader == null) {
            grader = new Grader(GraderOptions.defaults(store.root()));
        }
        return grader;
    }

    /** Forgets the grader after it was closed by a cancel; the next check starts a fresh one. */
    public synchronized void discardGrader() {
        grader = null;
    }

    @Override
    public synchronized void close() {
        if (grader != null) {
            grader.close();
            grader = null;
        }
        if (host != null) {
            host.close();
        }
    }
}
