package pagelab.app.desktop;

import pagelab.app.desktop.memorymap.RunViewer;
import pagelab.app.desktop.playground.PlaygroundPanel;
import pagelab.app.desktop.plugins.PluginManagerPanel;
import pagelab.app.desktop.store.Progress;
import pagelab.app.desktop.store.UserDataStore;
import pagelab.app.plugins.PluginHost;
import pagelab.app.plugins.PluginStatus;

import javax.swing.JOptionPane;
import javax.swing.JTabbedPane;
import javax.swing.SwingWorker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the main window's tabs, one per screen area, loads the plugins off the EDT after the window is up, and
 * closes everything (flushing autosaves, ending the grader's child JVM and the playground) when the window closes.
 */
final class Tabs {
    private final MainFrame frame;
    private final UserDataStore store;
    private final HostServices services;
    private final List<Runnable> pluginsLoaded = new ArrayList<>();
    private RunViewer runViewer;
    private LazyTab<PlaygroundPanel> playground;
    private Workbench workbench;
    private LazyTab<PluginManagerPanel> pluginManager;
    private boolean loaded;
    private boolean started;

    Tabs(MainFrame frame, UserDataStore store) {
        this.frame = frame;
        this.store = store;
        this.services = new HostServices(store);
    }

    /** Creates the panels; {@link #addTo} places them. */
    void build() {
        runViewer = new RunViewer("runViewer", frame::rememberSplit);
        workbench = new Workbench(frame, store, services, runViewer);
        // The exercises show first; the playground and the plugin manager are built when first selected.
        playground = new LazyTab<>("playground", () -> new PlaygroundPanel(store.sessionsDir(), frame::rememberSplit));
        pluginManager = new LazyTab<>("pluginManager", this::newPluginManager);
    }

    /** A plugin manager showing the plugins if they are loaded already (else {@link #loadPlugins} fills it). */
    private PluginManagerPanel newPluginManager() {
        PluginManagerPanel panel = new PluginManagerPanel(this::install, this::toggle, this::uninstall);
        PluginHost host = services.host();
        if (host != null) {
            panel.setPlugins(host.plugins(), titles(host), host.locations().userDir(), null);
        }
        return panel;
    }

    void addTo(JTabbedPane pane) {
        pane.addTab(Messages.get("tab.exercises"), workbench);
        pane.addTab(Messages.get("tab.memoryMap"), runViewer);
        playground.addTo(pane, Messages.get("tab.playground"));
        pluginManager.addTo(pane, Messages.get("tab.plugins"));
    }

    /**
     * Loads the plugins and the progress file on a worker thread. Started once the window has painted, so that
     * the work does not compete with the first paint for the CPU.
     */
    void loadPlugins() {
        if (started) {
            return;
        }
        started = true;
        new SwingWorker<PluginHost, Void>() {
            private Progress progress;

            @Override
            protected PluginHost doInBackground() {
                progress = store.loadProgress();
                return services.loadPlugins();
            }

            @Override
            protected void done() {
                try {
                    PluginHost host = get();
                    pluginManager.ifBuilt(p -> p.setPlugins(host.plugins(), titles(host), host.locations().userDir(),
                            null));
                    workbench.pluginsLoaded(host, progress);
                    long failed = host.plugins().stream().filter(PluginStatus::isFailed).count();
                    frame.showStatus(Messages.format("plugins.loaded", host.exercises().size(), failed));
                } catch (Exception e) {
                    Throwable why = e.getCause() != null ? e.getCause() : e;
                    frame.showStatus(Messages.format("plugins.loadFailed", why.toString()));
                }
                loaded = true;
                pluginsLoaded.forEach(Runnable::run);
                pluginsLoaded.clear();
            }
        }.execute();
    }

    /** Runs {@code action} on the EDT when plugin loading has ended (at once if it has). */
    void onPluginsLoaded(Runnable action) {
        if (loaded) {
            action.run();
        } else {
            pluginsLoaded.add(action);
        }
    }

    private static Map<String, String> titles(PluginHost host) {
        Map<String, String> out = new HashMap<>();
        host.exercises().forEach(e -> out.put(e.id(), e.title(Messages.uiLocale())));
        return out;
    }

    /**
     * Turns a loaded plugin off, or a disabled one on, off the EDT; the catalog follows. No question is asked:
     * nothing is deleted, and the same button undoes it.
     */
    void toggle(PluginStatus p) {
        PluginHost host = services.host();
        if (host == null) {
            return;
        }
        boolean enabling = p.isDisabled();
        pluginManager.get().setBusy(true);
        new SwingWorker<PluginStatus, Void>() {
            @Override
            protected PluginStatus doInBackground() throws Exception {
                return enabling ? host.enable(p.pluginId()) : host.disable(p.pluginId());
            }

            @Override
            protected void done() {
                pluginManager.get().setBusy(false);
                try {
                    PluginStatus s = get();
                    pluginManager.get().setPlugins(host.plugins(), titles(host), host.locations().userDir(), null);
                    workbench.pluginsLoaded(host, null);
                    frame.showStatus(!enabling ? Messages.format("plugins.disabled", p.label())
                            : s.isLoaded() ? Messages.format("plugins.enabled", p.label())
                            : Messages.format("plugins.installFailed", p.label(), s.reason()));
                } catch (Exception e) {
                    Throwable why = e.getCause() != null ? e.getCause() : e;
                    frame.showStatus(Messages.format("plugins.toggleFailed", p.label(), why.getMessage()));
                }
            }
        }.execute();
    }

    /** Asks, then unloads a plugin the user installed and deletes its file (off the EDT). */
    void uninstall(PluginStatus p) {
        PluginHost host = services.host();
        if (host == null || JOptionPane.showConfirmDialog(frame, Messages.format("plugins.uninstall.confirm",
                p.label(), p.path()), Messages.get("plugins.uninstall.title"), JOptionPane.OK_CANCEL_OPTION,
                JOptionPane.WARNING_MESSAGE) != JOptionPane.OK_OPTION) {
            return;
        }
        pluginManager.get().setBusy(true);
        new SwingWorker<Void, Void>() {
            @Override
            protected Void doInBackground() throws Exception {
                host.uninstall(p.pluginId());
                return null;
            }

            @Override
            protected void done() {
                pluginManager.get().setBusy(false);
                try {
                    get();
                    pluginManager.get().setPlugins(host.plugins(), titles(host), host.locations().userDir(), null);
                    workbench.pluginsLoaded(host, null);
                    frame.showStatus(Messages.format("plugins.uninstalled", p.label()));
                } catch (Exception e) {
                    Throwable why = e.getCause() != null ? e.getCause() : e;
                    frame.showStatus(Messages.format("plugins.uninstallFailed", p.label(), why.getMessage()));
                }
            }
        }.execute();
    }

    void install(Path jar) {
        PluginHost host = services.host();
        if (host == null) {
            return;
        }
        pluginManager.get().setBusy(true);
        new SwingWorker<PluginStatus, Void>() {
            @Override
            protected PluginStatus doInBackground() throws Exception {
                return host.install(jar);
            }

            @Override
            protected void done() {
                pluginManager.get().setBusy(false);
                try {
                    PluginStatus s = get();
                    pluginManager.get().setPlugins(host.plugins(), titles(host), host.locations().userDir(), s);
                    workbench.pluginsLoaded(host, null);
                    frame.showStatus(s.isLoaded() ? Messages.format("plugins.installed", s.label())
                            : Messages.format("plugins.installFailed", s.label(), s.reason()));
                } catch (Exception e) {
                    Throwable why = e.getCause() != null ? e.getCause() : e;
                    frame.showStatus(Messages.format("plugins.installFailed", jar.getFileName(), why.getMessage()));
                }
            }
        }.execute();
    }

    void check() {
        workbench.checkActionPerformed();
    }

    void cancel() {
        workbench.cancelActionPerformed();
    }

    /** The memory map, trace and fault explainer of the last run. */
    RunViewer runViewer() {
        return runViewer;
    }

    /** The playground, built now if its tab was never selected. */
    PlaygroundPanel playground() {
        return playground.get();
    }

    Workbench workbench() {
        return workbench;
    }

    /** The plugin manager, built now if its tab was never selected. */
    PluginManagerPanel pluginManager() {
        return pluginManager.get();
    }

    void close() {
        workbench.close();
        playground.ifBuilt(PlaygroundPanel::close); // one never built has no session to end
        Thread closer = new Thread(services::close, "host-close");
        closer.setDaemon(true);
        closer.start();
    }
}
