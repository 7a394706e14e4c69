package pagelab.app.desktop.results;

import net.miginfocom.swing.MigLayout;
import pagelab.app.desktop.Messages;
import pagelab.app.desktop.Ui;
import pagelab.solutions.CompileDiagnostic;
import pagelab.exercise.CheckResult;
import pagelab.exercise.CheckStatus;
import pagelab.exercise.Evidence;
import pagelab.exercise.EvidenceKind;
import pagelab.kernel.inspect.AddressSpaceSnapshot;

import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JEditorPane;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.ListSelectionModel;
import javax.swing.UIManager;
import java.awt.Color;
import java.awt.Component;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Check and Cancel, a progress bar while checks run, the list of checks (and compile errors) with points, the
 * total, and the selected item's details. Selecting a compile error or a check with evidence calls back so the
 * workbench can jump to the line or show the address space.
 */
public final class ResultsPanel extends JPanel {
    private final JButton check;
    private final JButton cancel;
    private final JProgressBar progress = new JProgressBar();
    private final JProgressBar total = new JProgressBar();
    private final JLabel totalLabel = new JLabel(" ");
    private final DefaultListModel<Object> items = new DefaultListModel<>();
    private final JList<Object> list = new JList<>(items);
    private final JEditorPane details = new JEditorPane();
    private BiConsumer<String, Long> onDiagnostic = (f, l) -> { };
    private Consumer<AddressSpaceSnapshot> onSnapshot = s -> { };
    private Consumer<Evidence> onRun = s -> { };

    public ResultsPanel(Runnable onCheck, Runnable onCancel) {
        super(new MigLayout("insets 6, fill", "[][][grow][]", "[][grow]"));
        setName("results");
        check = Ui.button("results.check", onCheck);
        check.setName("checkButton");
        check.setToolTipText(Messages.get("results.check.tip"));
        cancel = Ui.button("results.cancel", onCancel);
        cancel.setName("cancelButton");
        cancel.setEnabled(false);
        progress.setName("checkProgress");
        progress.setStringPainted(true);
        progress.setString("");
        add(check);
        add(cancel);
        add(progress, "growx, wmin 0");
        totalLabel.setName("totalLabel");
        total.setName("totalBar");
        add(totalLabel, "split 2");
        add(total, "w 120!, wrap");
        initList();
        details.setName("resultDetails");
        details.setEditable(false);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JScrollPane(list),
                new JScrollPane(details));
        split.setResizeWeight(0.45);
        add(split, "span, grow, wmin 0");
    }

    private void initList() {
        list.setName("resultList");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> l, Object value, int index, boolean selected,
                                                          boolean focus) {
                super.getListCellRendererComponent(l, describe(value), index, selected, focus);
                if (!selected) {
                    Color c = passed(value) ? UIManager.getColor("Results.pass.foreground")
                            : UIManager.getColor("Results.fail.foreground");
                    if (c != null) {
                        setForeground(c);
                    }
                }
                return this;
            }
        });
        list.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                itemSelected(list.getSelectedValue());
            }
        });
    }

    public void onDiagnostic(BiConsumer<String, Long> handler) {
        onDiagnostic = handler;
    }

    /** Called with a failed check's run when it is selected, so the memory map can step through it. */
    public void onRun(Consumer<Evidence> handler) {
        onRun = handler;
    }

    public void onSnapshot(Consumer<AddressSpaceSnapshot> handler) {
        onSnapshot = handler;
    }

    /** A check started: {@code checks} results are expected. */
    public void started(int checks) {
        items.clear();
        details.setText("");
        check.setEnabled(false);
        cancel.setEnabled(true);
        progress.setMaximum(Math.max(1, checks));
        progress.setValue(0);
        progress.setIndeterminate(true);
        progress.setString(Messages.get("results.compiling"));
        totalLabel.setText(" ");
        total.setValue(0);
    }

    public void addResult(CheckResult r) {
        progress.setIndeterminate(false);
        progress.setValue(progress.getValue() + 1);
        progress.setString(Messages.format("results.progress", progress.getValue(), progress.getMaximum()));
        items.addElement(r);
    }

    /** The check ended; {@code diagnostics} are listed first, {@code message} (if any) goes to the progress bar. */
    public void finished(List<CompileDiagnostic> diagnostics, int points, int max, String message) {
        check.setEnabled(true);
        cancel.setEnabled(false);
        progress.setIndeterminate(false);
        progress.setValue(progress.getMaximum());
        progress.setString(message == null ? Messages.get("results.done") : message);
        for (int i = 0; i < diagnostics.size(); i++) {
            items.add(i, diagnostics.get(i));
        }
        totalLabel.setText(Messages.format("results.total", points, max));
        total.setMaximum(Math.max(1, max));
        total.setValue(points);
        selectFirstProblem();
    }

    private void selectFirstProblem() {
        for (int i = 0; i < items.size(); i++) {
            if (!passed(items.get(i))) {
                list.setSelectedIndex(i);
                list.ensureIndexIsVisible(i);
                return;
            }
        }
    }

    public void clear() {
        items.clear();
        details.setText("");
        totalLabel.setText(" ");
        total.setValue(0);
        progress.setValue(0);
        progress.setString("");
    }

    private void itemSelected(Object value) {
        if (!"text/html".equals(details.getContentType())) {
            details.setContentType("text/html"); // loaded on first use, not at startup
        }
        if (value instanceof CompileDiagnostic) {
            CompileDiagnostic d = (CompileDiagnostic) value;
            details.setText("<html><body><pre>" + ResultHtml.esc(d.toString()) + "</pre></body></html>");
            onDiagnostic.accept(d.file(), d.line());
        } else if (value instanceof CheckResult) {
            CheckResult r = (CheckResult) value;
            details.setText(ResultHtml.of(r));
            details.setCaretPosition(0);
            Evidence run = null;
            Evidence snapshot = null;
            for (Evidence e : r.evidence()) {
                if (e.kind() == EvidenceKind.RUN && !e.steps().isEmpty() && run == null) {
                    run = e;
                } else if (e.kind() == EvidenceKind.SNAPSHOT && e.snapshot() != null && snapshot == null) {
                    snapshot = e;
                }
            }
            if (run != null) {
                onRun.accept(run);
            } else if (snapshot != null) {
                onSnapshot.accept(snapshot.snapshot());
            }
        }
    }

    static boolean passed(Object value) {
        return value instanceof CheckResult && ((CheckResult) value).status() == CheckStatus.PASS;
    }

    /** A list line: {@code ✔ Reserve without committing  10/10} or a compile error. */
    static String describe(Object value) {
        if (value instanceof CompileDiagnostic) {
            CompileDiagnostic d = (CompileDiagnostic) value;
            return "\u2716 " + d.file() + ":" + d.line() + "  " + d.message();
        }
        CheckResult r = (CheckResult) value;
        String mark = r.status() == CheckStatus.PASS ? "\u2714" : r.status() == CheckStatus.PARTIAL ? "\u25D0"
                : "\u2716";
        int points = r.points() < 0 ? r.maxPoints() : r.points();
        return mark + " " + (r.title() == null ? r.checkId() : r.title()) + "   " + points + "/" + r.maxPoints();
    }

    /** Whether a check is running (Cancel is enabled). */
    public boolean isChecking() {
        return cancel.isEnabled();
    }

    public JList<Object> resultList() {
        return list;
    }
}
