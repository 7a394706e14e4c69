package pagelab.app.desktop.memorymap;

import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.Region;

import javax.swing.JTable;
import javax.swing.UIManager;
import javax.swing.table.DefaultTableCellRenderer;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;

/**
 * Draws allocation rows bold, blocks indented, addresses and sizes in a monospaced font, a colour swatch in the
 * state column, and rows that changed in the current step in the accent colour.
 */
final class MapCellRenderer extends DefaultTableCellRenderer {
    private final MapTableModel model;

    MapCellRenderer(MapTableModel model) {
        this.model = model;
    }

    @Override
    public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focus,
                                                   int row, int column) {
        super.getTableCellRendererComponent(table, value, selected, focus, row, column);
        MapRow r = model.row(table.convertRowIndexToModel(row));
        Font base = table.getFont();
        boolean mono = column <= MapTableModel.COMMITTED;
        Font font = mono ? new Font(Font.MONOSPACED, Font.PLAIN, base.getSize()) : base;
        setFont(r.kind() == MapRow.Kind.ALLOCATION ? font.deriveFont(Font.BOLD) : font);
        setHorizontalAlignment(column == MapTableModel.SIZE || column == MapTableModel.COMMITTED ? RIGHT : LEFT);
        setIcon(column == MapTableModel.STATE && r.state() != 0 ? new KindIcon(PageKind.of(
                new Region(r.base(), r.size(), 0, 0, r.state(), r.protect(), r.type())))
                : null);
        if (!selected) {
            Color fg = r.changed() ? UIManager.getColor("MemoryMap.changed.foreground")
                    : r.state() == WinNT.MEM_FREE ? UIManager.getColor("Label.disabledForeground") : null;
            setForeground(fg != null ? fg : table.getForeground());
        }
        return this;
    }
}
