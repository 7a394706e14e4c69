package pagelab.app.desktop;

import net.miginfocom.swing.MigLayout;
import pagelab.app.desktop.memorymap.RunViewer;
import pagelab.app.desktop.playground.PlaygroundPanel;
import pagelab.app.desktop.store.UserDataStore;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;

/**
 * Builds the main window's tabs, one per screen area, and closes them (flushing autosaves, ending background
 * work) when the window closes.
 */
final class Tabs {
    private final MainFrame frame;
    private final UserDataStore store;
    private RunViewer runViewer;
    private PlaygroundPanel playground;

    Tabs(MainFrame frame, UserDataStore store) {
        this.frame = frame;
        this.store = store;
    }

    void addTo(JTabbedPane pane) {
        pane.addTab(Messages.get("tab.exercises"), placeholder("exercises.none"));
        runViewer = new RunViewer("runViewer", frame::rememberSplit);
        pane.addTab(Messages.get("tab.memoryMap"), runViewer);
        playground = new PlaygroundPanel(store.sessionsDir(), frame::rememberSplit);
        pane.addTab(Messages.get("tab.playground"), playground);
        pane.addTab(Messages.get("tab.plugins"), placeholder("plugins.none"));
    }

    private static JComponent placeholder(String key) {
        JPanel p = new JPanel(new MigLayout("fill"));
        p.add(new JLabel(Messages.get(key)), "align center");
        return p;
    }

    /** The memory map, trace and fault explainer of the last run. */
    RunViewer runViewer() {
        return runViewer;
    }

    PlaygroundPanel playground() {
        return playground;
    }

    void close() {
        playground.close();
    }
}
