package pagelab.app.desktop.memorymap;

import pagelab.app.desktop.Fit;
import net.miginfocom.swing.MigLayout;
import pagelab.app.desktop.Messages;
import pagelab.app.desktop.Ui;
import pagelab.app.desktop.trace.TimeCursor;
import pagelab.app.desktop.trace.Timeline;
import pagelab.app.desktop.trace.TraceText;
import pagelab.kernel.format.Win32Format;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.KernelCall;
import pagelab.kernel.inspect.Region;
import pagelab.kernel.inspect.TraceEvent;

import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import java.util.BitSet;
import java.util.List;

/**
 * The memory map of one run at the {@link TimeCursor}'s step: step controls, a summary, the page strip with its
 * legend, and the table of allocations and blocks. It only draws the immutable snapshots of the timeline.
 */
public final class MemoryMapPanel extends JPanel {
    private final TimeCursor cursor;
    private final Runnable cursorListener = this::cursorMoved;
    private final MapTableModel model = new MapTableModel();
    private final Fit.FitTable table = new Fit.FitTable(model);
    private final PageStrip strip = new PageStrip();
    private final JLabel position = new JLabel();
    private final JLabel summary = new JLabel();
    private final JCheckBox hideFree = new JCheckBox();
    private final JComboBox<String> scale = new JComboBox<>();
    private AddressSpaceSnapshot shown;
    private List<Region> regions = List.of();
    private boolean syncing;

    public MemoryMapPanel(TimeCursor cursor) {
        super(new MigLayout("insets 6, fill", "[grow]", "[][][][][grow]"));
        this.cursor = cursor;
        setName("memoryMap");
        initComponents();
    }

    private void initComponents() {
        // wmin 0 everywhere: long labels must be cut, not push the panel wider than its split pane.
        add(initStepBar(), "growx, wmin 0, wrap");
        summary.setName("mapSummary");
        add(summary, "growx, wmin 0, wrap");
        add(strip, "growx, wmin 0, h 100::, wrap");
        add(new Legend(), "growx, wmin 0, wrap");
        table.setName("mapTable");
        table.setPlaceholder(Messages.get("memoryMap.nothingYet"));
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setDefaultRenderer(Object.class, new MapCellRenderer(model));
        table.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                tableSelectionChanged();
            }
        });
        strip.onSelect(this::stripClicked);
        int[] widths = {150, 80, 80, 80, 110, 200, 260};
        for (int i = 0; i < widths.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }
        add(new JScrollPane(table), "grow, wmin 0");
    }

    private JComponent initStepBar() {
        JPanel bar = new JPanel(new MigLayout("insets 0, gap 4", "[][][][][][]16[grow]push[][]"));
        bar.add(stepButton("memoryMap.first", "alt HOME", () -> cursor.setStep(0)));
        bar.add(stepButton("memoryMap.previousChange", "alt shift LEFT",
                () -> cursor.setStep(cursor.timeline().previousChange(cursor.step()))));
        bar.add(stepButton("memoryMap.previous", "alt LEFT", () -> cursor.setStep(cursor.step() - 1)));
        bar.add(stepButton("memoryMap.next", "alt RIGHT", () -> cursor.setStep(cursor.step() + 1)));
        bar.add(stepButton("memoryMap.nextChange", "alt shift RIGHT",
                () -> cursor.setStep(cursor.timeline().nextChange(cursor.step()))));
        bar.add(stepButton("memoryMap.last", "alt END", () -> cursor.setStep(cursor.timeline().lastStep())));
        position.setName("mapPosition");
        bar.add(position, "growx, wmin 0");
        hideFree.setName("hideFree");
        Ui.label(hideFree, Messages.get("memoryMap.hideFree"));
        hideFree.addActionListener(e -> refresh(true));
        bar.add(hideFree);
        scale.setName("mapScale");
        scale.addItem(Messages.get("memoryMap.scale.compact"));
        scale.addItem(Messages.get("memoryMap.scale.proportional"));
        scale.addActionListener(e -> refresh(true));
        bar.add(scale);
        return bar;
    }

    private JButton stepButton(String key, String stroke, Runnable handler) {
        JButton b = Ui.button(key, handler);
        b.setName(key);
        b.setToolTipText(Messages.get(key + ".tip") + " (" + stroke.replace(' ', '+') + ")");
        getInputMap(WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(KeyStroke.getKeyStroke(stroke), key);
        getActionMap().put(key, b.getAction());
        return b;
    }

    @Override
    public void addNotify() {
        super.addNotify();
        cursor.addListener(cursorListener);
        refresh(true);
    }

    @Override
    public void removeNotify() {
        cursor.removeListener(cursorListener);
        super.removeNotify();
    }

    private void cursorMoved() {
        refresh(false);
    }

    /** Redraws from the cursor; {@code force} rebuilds rows even if the snapshot did not change. */
    private void refresh(boolean force) {
        Timeline t = cursor.timeline();
        int step = cursor.step();
        AddressSpaceSnapshot snap = t.snapshotAt(step);
        position.setText(describeStep(t, step));
        position.setToolTipText(position.getText()); // cut with an ellipsis beside the step buttons
        if (snap == shown && !force) {
            return;
        }
        shown = snap;
        AddressSpaceSnapshot before = step > 0 ? t.snapshotAt(step - 1) : null;
        regions = snap.regions();
        BitSet changed = before == snap ? new BitSet() : MapRows.changed(regions, before);
        StripLayout.Scale s = scale.getSelectedIndex() == 1 ? StripLayout.Scale.PROPORTIONAL
                : StripLayout.Scale.COMPACT;
        strip.setLayout(StripLayout.of(regions, s), changed, t.is64());
        model.setRows(MapRows.of(snap, regions, changed, hideFree.isSelected()), t.is64());
        // The address is what the student reads first: never cut it, however narrow the pane (blocks are indented).
        // Measured as the renderer draws it: monospaced, bold for allocations.
        java.awt.Font mono = new java.awt.Font(java.awt.Font.MONOSPACED, java.awt.Font.BOLD,
                table.getFont().getSize());
        Fit.minWidth(table, 0, t.is64() ? "   0x0000000000000000" : "   0x00000000", mono);
        Fit.minWidth(table, MapTableModel.SIZE, "99,999 K", mono);
        Fit.minWidth(table, MapTableModel.COMMITTED, "99,999 K", mono);
        // The state names the page's kind, which the colours only hint at (plus its swatch icon).
        Fit.minWidth(table, MapTableModel.STATE, "MM MEM_RESERVE", table.getFont());
        summary.setText(Messages.format("memoryMap.summary", Win32Format.size(
                snap.committedBytes()), Win32Format.size(snap.reservedBytes()),
                snap.allocations().size()));
        int first = changed.nextSetBit(0);
        if (first >= 0) {
            selectRow(model.rowOfRegion(first));
        }
    }

    private static String describeStep(Timeline t, int step) {
        if (t.events().isEmpty()) {
            // Nothing to step through: say what the map shows (or what would fill it), not "Step 0 of 0".
            return Messages.get(t.snapshotAt(0).allocations().isEmpty() ? "memoryMap.nothingYet"
                    : "memoryMap.onePicture");
        }
        TraceEvent e = t.eventAt(step);
        String where = Messages.format("memoryMap.step", step, t.lastStep());
        if (e == null) {
            return where;
        }
        String what = e instanceof KernelCall ? e.toString() : TraceText.summary(e);
        return where + "   " + what;
    }

    private void tableSelectionChanged() {
        int row = table.getSelectedRow();
        if (row < 0 || syncing) {
            return;
        }
        MapRow r = model.row(table.convertRowIndexToModel(row));
        strip.select(r.firstRegion(), r.lastRegion());
    }

    private void stripClicked(int region) {
        selectRow(model.rowOfRegion(region));
        strip.select(region, region);
    }

    private void selectRow(int row) {
        if (row < 0) {
            return;
        }
        table.getSelectionModel().setSelectionInterval(row, row);
        table.scrollRectToVisible(table.getCellRect(row, 0, true));
    }

    /** The table model, for tests and for evidence views that want to select a row. */
    public MapTableModel tableModel() {
        return model;
    }

    public PageStrip strip() {
        return strip;
    }
}
