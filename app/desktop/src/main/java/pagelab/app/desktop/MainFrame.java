package pagelab.app.desktop;

import net.miginfocom.swing.MigLayout;
import pagelab.app.desktop.store.DataNotice;
import pagelab.app.desktop.memorymap.RunViewer;
import pagelab.app.desktop.playground.PlaygroundPanel;
import pagelab.app.desktop.plugins.PluginManagerPanel;
import pagelab.app.desktop.store.Settings;
import pagelab.app.desktop.store.UserDataStore;
import pagelab.app.desktop.store.WindowLayout;

import javax.swing.ButtonGroup;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Frame;
import java.awt.Graphics;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The main window: a menu bar, a bar of notices about the data folder's files, one tab per screen area (exercises,
 * memory map, playground, plugins) and a status line. It owns the settings while it is open and writes them (window
 * layout included) when it closes.
 */
public final class MainFrame extends JFrame {
    private final UserDataStore store;
    private Settings settings;
    private final Map<String, JSplitPane> splits = new LinkedHashMap<>();
    private final Tabs tabs;
    private JTabbedPane tabbedPane;
    private JLabel status;
    private final NoticeBar notices = new NoticeBar("storeNotices");
    private Runnable firstPaint;
    private boolean painted;

    public MainFrame(UserDataStore store, Settings settings) {
        super(Messages.get("app.title"));
        this.store = store;
        this.settings = settings;
        this.tabs = new Tabs(this, store);
        initComponents();
        restoreLayout(settings.window());
    }

    private void initComponents() {
        setName("mainFrame");
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                closeWindow();
            }

            @Override
            public void windowOpened(WindowEvent e) {
                // Not every platform routes the first paint through JFrame.paint; opening always happens.
                SwingUtilities.invokeLater(tabs::loadPlugins);
            }
        });
        setJMenuBar(initMenuBar());
        tabs.build();
        JPanel content = new JPanel(new MigLayout("insets 0, gap 0, fill", "[grow]", "[][grow][]"));
        content.add(notices, "growx, wmin 0, hidemode 3, wrap");
        content.add(initTabs(), "grow, wrap");
        content.add(initStatusBar(), "growx");
        setContentPane(content);
        setMinimumSize(new Dimension(640, 420));
        // Whenever the store moves a file aside or leaves one unread (the settings before this window existed, the
        // progress while the plugins load, the track when the catalog fills), the student is told at once.
        store.onNotice(n -> SwingUtilities.invokeLater(() -> showNotice(n)));
    }

    private void showNotice(DataNotice n) {
        String name = n.file() == null ? "" : n.file().getFileName().toString();
        boolean progress = n.file() != null && n.file().equals(store.progressFile());
        String text = switch (n.kind()) {
            case MOVED_ASIDE -> Messages.format(progress ? "notice.store.progressMovedAside" : "notice.store.movedAside",
                    name, n.detail(), n.keptAs());
            case LEFT_AS_IS -> Messages.format("notice.store.leftAsIs", name, n.detail());
            case DATA_FOLDER -> Messages.format("notice.store.dataFolder", n.detail());
            default -> n.message();
        };
        notices.add(text, null, null);
    }

    /** The notices about the data folder's files. */
    NoticeBar notices() {
        return notices;
    }

    private JMenuBar initMenuBar() {
        JMenuBar bar = new JMenuBar();
        JMenu file = Ui.menu("menu.file");
        file.add(Ui.item("menu.file.dataFolder", null, this::dataFolderActionPerformed));
        file.addSeparator();
        file.add(Ui.item("menu.file.exit", "ctrl Q", this::closeWindow));
        bar.add(file);
        bar.add(initViewMenu());
        JMenu exercise = Ui.menu("menu.exercise");
        exercise.add(Ui.item("menu.exercise.check", "ctrl ENTER", tabs::check));
        exercise.add(Ui.item("menu.exercise.cancel", "ctrl PERIOD", tabs::cancel));
        bar.add(exercise);
        JMenu help = Ui.menu("menu.help");
        help.add(Ui.item("menu.help.about", "F1", this::aboutActionPerformed));
        bar.add(help);
        return bar;
    }

    private JMenu initViewMenu() {
        JMenu view = Ui.menu("menu.view");
        ButtonGroup themes = new ButtonGroup();
        view.add(radio(themes, "menu.view.light", !settings.dark(), () -> themeActionPerformed(false)));
        view.add(radio(themes, "menu.view.dark", settings.dark(), () -> themeActionPerformed(true)));
        view.addSeparator();
        view.add(Ui.item("menu.view.fontBigger", "ctrl EQUALS", () -> fontSizeActionPerformed(1)));
        view.add(Ui.item("menu.view.fontSmaller", "ctrl MINUS", () -> fontSizeActionPerformed(-1)));
        view.add(Ui.item("menu.view.fontReset", "ctrl 0", () -> fontSizeActionPerformed(0)));
        view.addSeparator();
        JMenu lang = Ui.menu("menu.view.language");
        ButtonGroup langs = new ButtonGroup();
        for (String code : List.of("system", "en", "zh")) {
            lang.add(radio(langs, "menu.view.language." + code, code.equals(settings.language()),
                    () -> languageActionPerformed(code)));
        }
        view.add(lang);
        return view;
    }

    private static JRadioButtonMenuItem radio(ButtonGroup group, String key, boolean selected, Runnable handler) {
        JRadioButtonMenuItem item = new JRadioButtonMenuItem(Ui.action(key, handler));
        Ui.label(item, Messages.get(key));
        item.setName(key);
        item.setSelected(selected);
        group.add(item);
        return item;
    }

    private JTabbedPane initTabs() {
        tabbedPane = new JTabbedPane();
        tabbedPane.setName("mainTabs");
        tabs.addTo(tabbedPane);
        for (int i = 0; i < tabbedPane.getTabCount() && i < 9; i++) {
            int index = i;
            String stroke = "ctrl " + (i + 1);
            tabbedPane.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(stroke), stroke);
            tabbedPane.getActionMap().put(stroke, Ui.action("app.title", () -> tabbedPane.setSelectedIndex(index)));
        }
        return tabbedPane;
    }

    private JComponent initStatusBar() {
        status = new JLabel(" ");
        status.setName("status");
        JPanel bar = new JPanel(new MigLayout("insets 2 8 2 8, fill", "[grow]"));
        bar.add(status, "growx");
        return bar;
    }

    /**
     * Registers a split pane whose divider position is remembered under {@code name}. A remembered 0 means the
     * student hid the left (or top) pane, which is then hidden again.
     */
    public void rememberSplit(String name, JSplitPane split) {
        splits.put(name, split);
        Integer pos = settings.window().dividers().get(name);
        if (pos != null && pos > 0) {
            split.setDividerLocation(pos);
        } else if (pos != null && pos == 0 && split.getLeftComponent() != null) {
            split.getLeftComponent().setVisible(false);
        }
    }

    /** Where a registered split's divider is now, as it is saved: 0 when its left (or top) pane is hidden. */
    static int dividerOf(JSplitPane split) {
        return split.getLeftComponent() != null && !split.getLeftComponent().isVisible() ? 0
                : split.getDividerLocation();
    }

    public void showStatus(String text) {
        status.setText(text == null || text.isEmpty() ? " " : text);
    }

    /** The memory-map tab's viewer. */
    public RunViewer runViewer() {
        return tabs.runViewer();
    }

    /** The exercises tab. */
    public Workbench workbench() {
        return tabs.workbench();
    }

    /** The plugin manager tab. */
    public PluginManagerPanel pluginManager() {
        return tabs.pluginManager();
    }

    /** Installs a plugin file as "Install from file..." does (off the EDT; the plugin tab shows the outcome). */
    public void installPlugin(Path jar) {
        tabs.install(jar);
    }

    /** The playground tab. */
    public PlaygroundPanel playground() {
        return tabs.playground();
    }

    /** Brings the tab holding {@code component} to the front (a lazily built panel sits inside its tab's holder). */
    public void showTab(Component component) {
        for (int i = 0; i < tabbedPane.getTabCount(); i++) {
            if (SwingUtilities.isDescendingFrom(component, tabbedPane.getComponentAt(i))) {
                tabbedPane.setSelectedIndex(i);
                return;
            }
        }
    }

    /** The user's data folder. */
    public UserDataStore store() {
        return store;
    }

    public Settings settings() {
        return settings;
    }

    /** Remembers the open exercise for the next start (saved with the other settings). */
    public void rememberLastExercise(String id) {
        settings = settings.withLastExercise(id);
    }

    /** Runs {@code action} on the EDT once the plugins are loaded and the catalog shows them. */
    void onPluginsLoaded(Runnable action) {
        tabs.onPluginsLoaded(action);
    }

    /** Runs {@code action} once, on the event-dispatch thread, after the frame first painted. */
    void onFirstPaint(Runnable action) {
        this.firstPaint = action;
    }

    @Override
    public void paint(Graphics g) {
        super.paint(g);
        if (!painted) {
            painted = true;
            SwingUtilities.invokeLater(tabs::loadPlugins);
        }
        Runnable once = firstPaint;
        if (once != null) {
            firstPaint = null;
            SwingUtilities.invokeLater(once);
        }
    }

    private void themeActionPerformed(boolean dark) {
        settings = settings.withTheme(dark ? "dark" : "light");
        Themes.apply(dark, settings.fontSize());
        saveSettings();
    }

    private void fontSizeActionPerformed(int delta) {
        int size = delta == 0 ? Settings.DEFAULT_FONT : settings.fontSize() + delta;
        settings = settings.withFontSize(size);
        Themes.apply(settings.dark(), settings.fontSize());
        showStatus(Messages.format("status.fontSize", settings.fontSize()));
        saveSettings();
    }

    private void languageActionPerformed(String code) {
        if (code.equals(settings.language())) {
            return;
        }
        settings = settings.withLanguage(code);
        saveSettings();
        JOptionPane.showMessageDialog(this, Messages.get("language.restart"), Messages.get("app.title"),
                JOptionPane.INFORMATION_MESSAGE);
    }

    private void dataFolderActionPerformed() {
        JOptionPane.showMessageDialog(this, Messages.format("dataFolder.message", store.root()),
                Messages.get("app.title"), JOptionPane.INFORMATION_MESSAGE);
    }

    private void aboutActionPerformed() {
        JOptionPane.showMessageDialog(this, Messages.get("about.message"), Messages.get("menu.help.about.title"),
                JOptionPane.INFORMATION_MESSAGE);
    }

    /** Saves the layout and settings, lets every tab flush its work, and disposes the window. */
    public void closeWindow() {
        tabs.close();
        settings = settings.withWindow(currentLayout());
        saveSettings();
        dispose();
    }

    private void saveSettings() {
        try {
            store.saveSettings(settings);
        } catch (IOException e) {
            showStatus(Messages.format("store.saveFailed", store.settingsFile(), e.getMessage()));
        }
    }

    private WindowLayout currentLayout() {
        boolean maximized = (getExtendedState() & Frame.MAXIMIZED_BOTH) == Frame.MAXIMIZED_BOTH;
        Rectangle r = maximized && settings.window().isSet()
                ? new Rectangle(settings.window().x(), settings.window().y(), settings.window().width(),
                settings.window().height())
                : getBounds();
        Map<String, Integer> dividers = new LinkedHashMap<>(settings.window().dividers());
        splits.forEach((name, split) -> dividers.put(name, dividerOf(split)));
        return new WindowLayout(r.x, r.y, r.width, r.height, maximized, dividers, tabbedPane.getSelectedIndex());
    }

    private void restoreLayout(WindowLayout layout) {
        if (layout.isSet() && onSomeScreen(layout)) {
            setBounds(layout.x(), layout.y(), layout.width(), layout.height());
        } else {
            setSize(1180, 780);
            setLocationRelativeTo(null);
        }
        if (layout.maximized()) {
            setExtendedState(Frame.MAXIMIZED_BOTH);
        }
        if (layout.tab() >= 0 && layout.tab() < tabbedPane.getTabCount()) {
            tabbedPane.setSelectedIndex(layout.tab());
        }
    }

    // A window saved on a monitor that is gone would open invisible; then the default placement is used.
    private boolean onSomeScreen(WindowLayout layout) {
        Rectangle saved = new Rectangle(layout.x(), layout.y(), layout.width(), layout.height());
        for (var device : GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
            if (device.getDefaultConfiguration().getBounds().intersects(saved)) {
                return true;
            }
        }
        return false;
    }
}
