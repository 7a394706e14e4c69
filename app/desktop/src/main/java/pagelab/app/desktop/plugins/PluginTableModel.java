package pagelab.app.desktop.plugins;

import pagelab.app.desktop.Messages;
import pagelab.app.plugins.PluginStatus;

import javax.swing.table.AbstractTableModel;
import java.util.List;
import java.util.Map;

/** The plugin table: id, version, state, exercises, origin, reason, path. */
public final class PluginTableModel extends AbstractTableModel {
    private static final String[] COLUMNS = {"id", "version", "state", "exercises", "origin", "reason", "path"};
    private List<PluginStatus> rows = List.of();
    private Map<String, String> titles = Map.of();

    /** @param exerciseTitles each loaded exercise's title by id, shown instead of the ids */
    public void setPlugins(List<PluginStatus> value, Map<String, String> exerciseTitles) {
        rows = List.copyOf(value);
        titles = Map.copyOf(exerciseTitles);
        fireTableDataChanged();
    }

    public PluginStatus plugin(int row) {
        return rows.get(row);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return Messages.get("plugins.column." + COLUMNS[column]);
    }

    /** Why the plugin is in its state: a failed one's reason, else what its origin means for the student. */
    static String reason(PluginStatus p) {
        if (p.isDisabled()) {
            return Messages.get("plugins.reason.disabled");
        }
        if (p.reason() != null && !p.reason().isBlank()) {
            return p.reason();
        }
        return p.origin() == null ? "" : Messages.get("plugins.reason." + p.origin().name());
    }

    @Override
    public Object getValueAt(int row, int column) {
        PluginStatus p = rows.get(row);
        switch (column) {
            case 0:
                return p.label();
            case 1:
                return p.version() == null ? "" : p.version();
            case 2:
                return Messages.get("plugins.state." + p.state().name());
            case 3:
                return String.join(", ", p.exerciseIds().stream().map(id -> titles.getOrDefault(id, id)).toList());
            case 4:
                return p.origin() == null ? "" : Messages.get("plugins.origin." + p.origin().name());
            case 5:
                return reason(p);
            default:
                return String.valueOf(p.path());
        }
    }
}
