package pagelab.app.desktop.plugins;

import pagelab.app.desktop.Fit;
import net.miginfocom.swing.MigLayout;
import pagelab.app.desktop.Messages;
import pagelab.app.desktop.Ui;
import pagelab.app.plugins.PluginOrigin;
import pagelab.app.plugins.PluginStatus;

import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTable;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.filechooser.FileNameExtensionFilter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every plugin candidate the host tried, loaded, failed with its reason or disabled by the user, with "Install from
 * file...", "Disable"/"Enable" and "Uninstall". The work itself is the caller's (it runs off the EDT and refreshes
 * the catalog); this panel only asks and shows the outcome.
 */
public final class PluginManagerPanel extends JPanel {
    private final PluginTableModel model = new PluginTableModel();
    private final Fit.FitTable table = new Fit.FitTable(model);
    private final JTextArea reason = new JTextArea(3, 40);
    private final JLabel folder = new JLabel(" ");
    private final JButton install;
    private final JButton uninstall;
    private final JButton toggle;

    /**
     * @param onInstall   installs a chosen file
     * @param onToggle    disables a loaded plugin, or enables a disabled one
     * @param onUninstall uninstalls a plugin the user installed (only those can be chosen)
     */
    public PluginManagerPanel(Consumer<Path> onInstall, Consumer<PluginStatus> onToggle,
                              Consumer<PluginStatus> onUninstall) {
        super(new MigLayout("insets 6, fill", "[grow][][][]", "[][grow][]"));
        setName("plugins");
        folder.setName("pluginFolder");
        add(folder, "growx");
        install = Ui.button("plugins.install", () -> chooseAndInstall(onInstall));
        install.setName("installPlugin");
        add(install);
        toggle = Ui.button("plugins.disable", () -> {
            PluginStatus p = selected();
            if (switchable(p)) {
                onToggle.accept(p);
            }
        });
        toggle.setName("togglePlugin");
        add(toggle);
        uninstall = Ui.button("plugins.uninstall", () -> {
            PluginStatus p = selected();
            if (removable(p)) {
                onUninstall.accept(p);
            }
        });
        uninstall.setName("uninstallPlugin");
        uninstall.setEnabled(false);
        uninstall.setToolTipText(Messages.get("plugins.uninstall.tip"));
        add(uninstall, "wrap");
        table.setName("pluginTable");
        table.getSelectionModel().addListSelectionListener(e -> {
            PluginStatus p = selected();
            reason.setText(p == null ? "" : describe(p));
            uninstall.setEnabled(removable(p));
            showToggle(p, true);
        });
        showToggle(null, true);
        add(new JScrollPane(table), "span, grow, wrap");
        reason.setName("pluginReason");
        reason.setEditable(false);
        reason.setLineWrap(true);
        reason.setWrapStyleWord(true);
        add(new JScrollPane(reason), "span, growx");
    }

    private void chooseAndInstall(Consumer<Path> onInstall) {
        JFileChooser chooser = new JFileChooser();
        chooser.setFileFilter(new FileNameExtensionFilter(Messages.get("plugins.jarFiles"), "jar", "zip"));
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            onInstall.accept(chooser.getSelectedFile().toPath());
        }
    }

    private PluginStatus selected() {
        int row = table.getSelectedRow();
        return row < 0 ? null : model.plugin(table.convertRowIndexToModel(row));
    }

    /** A loaded plugin can be turned off, a disabled one on; a failed one neither (its reason says what to do). */
    static boolean switchable(PluginStatus p) {
        return p != null && p.pluginId() != null && (p.isLoaded() || p.isDisabled());
    }

    /** The toggle says what it will do to the selected plugin: Disable, or Enable for a disabled one. */
    private void showToggle(PluginStatus p, boolean idle) {
        boolean enable = p != null && p.isDisabled();
        Ui.label(toggle, Messages.get(enable ? "plugins.enable" : "plugins.disable"));
        toggle.setToolTipText(Messages.get(enable ? "plugins.enable.tip" : "plugins.disable.tip"));
        toggle.setEnabled(idle && switchable(p));
    }

    /** Only a plugin the user installed, and that loaded (so it has an id), can be uninstalled: never a shipped one. */
    static boolean removable(PluginStatus p) {
        return p != null && p.origin() == PluginOrigin.USER && p.isLoaded() && p.pluginId() != null;
    }

    /**
     * Shows the host's plugins; selects {@code highlight} (a just-installed plugin) if given.
     *
     * @param titles each loaded exercise's title by id
     */
    public void setPlugins(List<PluginStatus> plugins, Map<String, String> titles, Path userFolder,
                           PluginStatus highlight) {
        int keep = table.getSelectedRow();
        model.setPlugins(plugins, titles);
        if (highlight == null && keep >= 0 && keep < plugins.size()) {
            table.getSelectionModel().setSelectionInterval(keep, keep); // a plugin just switched stays selected
        }
        uninstall.setEnabled(removable(selected()));
        showToggle(selected(), true);
        folder.setText(Messages.format("plugins.folder", userFolder == null ? "-" : userFolder));
        if (highlight != null) {
            for (int i = 0; i < plugins.size(); i++) {
                if (plugins.get(i).path().equals(highlight.path())) {
                    table.getSelectionModel().setSelectionInterval(i, i);
                    return;
                }
            }
            reason.setText(describe(highlight));
        }
    }

    public void setBusy(boolean busy) {
        install.setEnabled(!busy);
        uninstall.setEnabled(!busy && removable(selected()));
        showToggle(selected(), !busy);
    }

    static String describe(PluginStatus p) {
        if (p.isDisabled()) {
            return Messages.format("plugins.disabledDetail", p.label(), p.path());
        }
        return p.isLoaded() ? Messages.format("plugins.loadedDetail", p.label(), p.version(), p.path())
                : Messages.format("plugins.failedDetail", p.label(), p.reason(), p.path());
    }

    public JTable table() {
        return table;
    }

    public String reasonText() {
        return reason.getText();
    }
}
