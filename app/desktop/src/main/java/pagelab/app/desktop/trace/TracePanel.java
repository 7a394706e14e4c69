package pagelab.app.desktop.trace;

import pagelab.app.desktop.Fit;
import net.miginfocom.swing.MigLayout;
import pagelab.app.desktop.Messages;

import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTable;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.TableRowSorter;
import java.util.Locale;

/**
 * The trace of kernel calls and faults, filterable by kind and text, linked both ways to the {@link TimeCursor}:
 * selecting a row moves the memory map to the moment after that event, and stepping the map selects the row.
 */
public final class TracePanel extends JPanel {
    private final TimeCursor cursor;
    private final Runnable cursorListener = this::cursorMoved;
    private final TraceTableModel model = new TraceTableModel();
    private final Fit.FitTable table = new Fit.FitTable(model);
    private final TableRowSorter<TraceTableModel> sorter = new TableRowSorter<>(model);
    private final JTextField filterText = new JTextField();
    private final JComboBox<String> show = new JComboBox<>();
    private Timeline shown;
    private boolean syncing;

    public TracePanel(TimeCursor cursor) {
        super(new MigLayout("insets 6, fill", "[][grow][]", "[][grow]"));
        this.cursor = cursor;
        setName("tracePanel");
        initComponents();
    }

    private void initComponents() {
        JLabel label = new JLabel(Messages.get("trace.filter"));
        label.setLabelFor(filterText);
        label.setDisplayedMnemonic('F');
        add(label);
        filterText.setName("traceFilter");
        filterText.putClientProperty("JTextField.placeholderText", Messages.get("trace.filter.placeholder"));
        filterText.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                applyFilter();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                applyFilter();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                applyFilter();
            }
        });
        add(filterText, "growx, wmin 0");
        show.setName("traceShow");
        for (TraceFilter.Show s : TraceFilter.Show.values()) {
            show.addItem(Messages.get("trace.show." + s.name().toLowerCase(Locale.ROOT)));
        }
        show.addActionListener(e -> applyFilter());
        add(show, "wrap");
        table.setName("traceTable");
        table.setRowSorter(sorter);
        sorter.setSortsOnUpdates(false);
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                rowSelected();
            }
        });
        table.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
        int[] widths = {50, 50, 190, 330, 110, 220, 260};
        for (int i = 0; i < widths.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }
        add(new JScrollPane(table), "span, grow, wmin 0");
    }

    @Override
    public void addNotify() {
        super.addNotify();
        cursor.addListener(cursorListener);
        cursorMoved();
    }

    @Override
    public void removeNotify() {
        cursor.removeListener(cursorListener);
        super.removeNotify();
    }

    private void applyFilter() {
        sorter.setRowFilter(new TraceFilter(TraceFilter.Show.values()[Math.max(0, show.getSelectedIndex())],
                filterText.getText()));
        cursorMoved();
    }

    private void rowSelected() {
        int view = table.getSelectedRow();
        if (view < 0 || syncing) {
            return;
        }
        cursor.setStep(table.convertRowIndexToModel(view) + 1);
    }

    private void cursorMoved() {
        if (cursor.timeline() != shown) {
            shown = cursor.timeline();
            syncing = true;
            model.setTimeline(shown);
            syncing = false;
        }
        int modelRow = cursor.step() - 1;
        int view = modelRow >= 0 && modelRow < model.getRowCount() ? table.convertRowIndexToView(modelRow) : -1;
        syncing = true;
        try {
            if (view >= 0) {
                table.getSelectionModel().setSelectionInterval(view, view);
                table.scrollRectToVisible(table.getCellRect(view, 0, true));
            } else {
                table.clearSelection();
            }
        } finally {
            syncing = false;
        }
    }

    public JTable table() {
        return table;
    }
}
