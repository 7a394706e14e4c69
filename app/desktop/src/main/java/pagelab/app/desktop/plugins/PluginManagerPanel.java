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
 * Every plugin candidate the host tried, loaded or failed with its reason, and "Install from file...". The
 * install itself is the workbench's job (it runs off the EDT and refreshes the catalog); this panel only asks for
 * the file and shows the outcome.
 */
public final class PluginManagerPanel extends JPanel {
    private final PluginTableModel model = new PluginTableModel();
    private final Fit.FitTable table = new Fit.FitTable(model);
    private final JTextArea reason = new JTextArea(3, 40);
    private final JLabel folder = new JLabel(" ");
    private final JButton install;
    private final JButton uninstall;

    /**
     * @param onInstall   installs a chosen file
     * @param onUninstall uninstalls a plugin the user installed (only those can be chosen)
     */
    public PluginManagerPanel(Consumer<Path> onInstall, Consumer<PluginStatus> onUninstall) {
        super(new MigLayout("insets 6, fill", "[grow][][]", "[][grow][]"));
        setName("plugins");
        folder.setName("pluginFolder");
        add(folder, "growx");
        install = Ui.button("plugins.install", () -> chooseAndInstall(onInstall));
        install.setName("installPlugin");
        add(install);
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
        });
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
        model.setPlugins(plugins, titles);
        uninstall.setEnabled(removable(selected()));
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
    }

    static String describe(PluginStatus p) {
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
