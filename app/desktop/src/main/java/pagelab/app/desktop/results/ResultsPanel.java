package pagelab.app.desktop.results;

import net.miginfocom.swing.MigLayout;
import pagelab.app.desktop.Fit;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    private final Fit.FitList<Object> list = new Fit.FitList<>(items);
    private final JEditorPane details = new JEditorPane();
    private final JSplitPane split;
    private boolean quiet;
    /** The titles of the checks of the running check, in run order (the progress bar names the one running). */
    private List<String> running = List.of();
    /** Ids of the listed checks that did not run (a compile error, a failed prerequisite). */
    private final Set<String> notRun = new HashSet<>();
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
        JScrollPane listScroll = new JScrollPane(list);
        // Not the longest check title's width: the details beside it need the room more (titles end in "…").
        listScroll.setPreferredSize(new java.awt.Dimension(240, 120));
        split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, listScroll, new JScrollPane(details));
        split.setName("resultsSplit");
        split.setResizeWeight(0.45);
        add(split, "span, grow, wmin 0");
        clear();
    }

    /** The split between the list of checks and the selected one's details (its divider is remembered). */
    public JSplitPane split() {
        return split;
    }

    private void initList() {
        list.setName("resultList");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> l, Object value, int index, boolean selected,
                                                          boolean focus) {
                boolean skipped = notRun(value);
                super.getListCellRendererComponent(l, describe(value, skipped), index, selected, focus);
                if (!selected) {
                    Color c = UIManager.getColor(passed(value) ? "Results.pass.foreground"
                            : skipped ? "Results.notRun.foreground" : "Results.fail.foreground");
                    if (c != null) {
                        setForeground(c);
                    }
                }
                return this;
            }
        });
        list.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && !quiet) {
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

    /**
     * A check started; {@code checks} are the titles of its checks in the order they run, so the progress bar can
     * name the one running (the grader compiles first, then runs them one by one).
     */
    public void started(List<String> checks) {
        running = List.copyOf(checks);
        items.clear();
        notRun.clear();
        list.setPlaceholder(Messages.get("results.empty.running"));
        setDetails(Messages.get("results.details.running"));
        check.setEnabled(false);
        cancel.setEnabled(true);
        progress.setMaximum(Math.max(1, running.size()));
        progress.setValue(0);
        progress.setIndeterminate(true);
        progress.setString(running.isEmpty() ? Messages.get("results.compiling")
                : Messages.format("results.compilingThen", running.get(0), running.size()));
        totalLabel.setText(" ");
        total.setValue(0);
    }

    public void addResult(CheckResult r) {
        progress.setIndeterminate(false);
        int done = progress.getValue() + 1;
        progress.setValue(done);
        progress.setString(done < running.size()
                ? Messages.format("results.running", running.get(done), done + 1, running.size())
                : Messages.format("results.progress", done, progress.getMaximum()));
        items.addElement(r);
    }

    /**
     * The check ended; {@code diagnostics} are listed first, {@code message} (if any) goes to the progress bar, and
     * the checks named in {@code skipped} are marked "not run" (a compile error or a failed prerequisite stopped
     * them), not failed.
     */
    public void finished(List<CompileDiagnostic> diagnostics, Set<String> skipped, int points, int max,
                         String message) {
        endRun(message == null ? Messages.get("results.done") : message);
        notRun.addAll(skipped);
        for (int i = 0; i < diagnostics.size(); i++) {
            items.add(i, diagnostics.get(i));
        }
        totalLabel.setText(Messages.format("results.total", points, max));
        total.setMaximum(Math.max(1, max));
        total.setValue(points);
        list.repaint();
        selectFirstProblem();
    }

    /**
     * The compiler's errors and warnings from a compile in the background: they replace the ones listed at the top
     * (the problems list) and leave the checks' results below them as they are.
     */
    public void showProblems(List<CompileDiagnostic> diagnostics) {
        Object selected = list.getSelectedValue();
        // Quietly: selecting a problem moves the caret to it, which must never happen while the student types.
        quiet = true;
        try {
            replaceProblems(diagnostics, selected);
        } finally {
            quiet = false;
        }
    }

    private void replaceProblems(List<CompileDiagnostic> diagnostics, Object selected) {
        list.clearSelection();
        while (!items.isEmpty() && items.get(0) instanceof CompileDiagnostic) {
            items.remove(0);
        }
        for (int i = 0; i < diagnostics.size(); i++) {
            items.add(i, diagnostics.get(i));
        }
        if (selected instanceof CheckResult) {
            list.setSelectedValue(selected, false);
        }
        list.setPlaceholder(Messages.get("results.empty"));
    }

    /**
     * Shows a check from an earlier session (see {@code LastCheck}): the same list and total as when it ended,
     * with {@code message} saying when that was.
     */
    public void restore(List<CompileDiagnostic> diagnostics, List<CheckResult> results, Set<String> skipped,
                        int points, int max, String message) {
        items.clear();
        notRun.clear();
        running = List.of();
        results.forEach(items::addElement);
        finished(diagnostics, skipped, points, max, message);
    }

    /**
     * The check ended without a total: cancelled, or the grader failed. The checks that finished stay listed; the
     * total says how far it got instead of a misleading "0 / 0".
     */
    public void stopped(String message) {
        endRun(message);
        int done = items.size();
        totalLabel.setText(Messages.format("results.stoppedAfter", done, running.size()));
        total.setValue(0);
        list.setPlaceholder(message);
        setDetails(done == 0 ? message : Messages.get("results.details.select"));
    }

    private void endRun(String message) {
        check.setEnabled(true);
        cancel.setEnabled(false);
        progress.setIndeterminate(false);
        progress.setValue(progress.getMaximum());
        progress.setString(message);
        list.setPlaceholder(Messages.get("results.empty"));
        setDetails(Messages.get("results.details.select"));
    }

    /** An explanation in the details pane (what goes there), in the same HTML the results use. */
    private void setDetails(String text) {
        if (!"text/html".equals(details.getContentType())) {
            details.setEditorKit(new pagelab.app.desktop.editor.WrappingHtmlKit());
        }
        details.setText("<html><body><p><i>" + ResultHtml.esc(text) + "</i></p></body></html>");
        details.setCaretPosition(0);
    }

    private void selectFirstProblem() {
        for (int i = 0; i < items.size(); i++) {
            if (!passed(items.get(i)) && !notRun(items.get(i))) {
                list.setSelectedIndex(i);
                list.ensureIndexIsVisible(i);
                return;
            }
        }
    }

    public void clear() {
        items.clear();
        notRun.clear();
        list.setPlaceholder(Messages.get("results.empty"));
        details.setText("");
        totalLabel.setText(" ");
        total.setValue(0);
        progress.setValue(0);
        progress.setString("");
    }

    private void itemSelected(Object value) {
        if (!"text/html".equals(details.getContentType())) {
            details.setEditorKit(new pagelab.app.desktop.editor.WrappingHtmlKit()); // loaded on first use, not at startup
        }
        if (value instanceof CompileDiagnostic) {
            CompileDiagnostic d = (CompileDiagnostic) value;
            // Wrapped, not <pre>: the file name and line come first and must stay in view.
            details.setText("<html><body><p><b>" + ResultHtml.esc(d.file() + ":" + d.line()) + "</b></p>"
                    + ResultHtml.wrapped(d.message()) + "</body></html>");
            details.setCaretPosition(0);
            onDiagnostic.accept(d.file(), d.line());
        } else if (value instanceof CheckResult) {
            CheckResult r = (CheckResult) value;
            details.setText(ResultHtml.of(r, notRun(r)));
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

    /** The progress bar's text (it names the check that runs). */
    public String progressText() {
        return progress.getString();
    }

    static boolean passed(Object value) {
        return value instanceof CheckResult && ((CheckResult) value).status() == CheckStatus.PASS;
    }

    /** Whether {@code value} is a check that did not run: skipped by a prerequisite or by a compile error. */
    boolean notRun(Object value) {
        return value instanceof CheckResult r && (r.status() == CheckStatus.SKIPPED || notRun.contains(r.checkId()));
    }

    /**
     * A list line: {@code ✔ Reserve without committing  10/10}, {@code ○ Release  not run}, or a compile error.
     * A check that did not run gets the hollow mark, not the failed one: there is nothing in it to fix.
     */
    static String describe(Object value, boolean notRun) {
        if (value instanceof CompileDiagnostic) {
            CompileDiagnostic d = (CompileDiagnostic) value;
            return "\u2716 " + d.file() + ":" + d.line() + "  " + d.message();
        }
        CheckResult r = (CheckResult) value;
        String title = r.title() == null ? r.checkId() : r.title();
        if (notRun) {
            return "\u25CB " + title + "   " + Messages.get("results.notRun");
        }
        String mark = r.status() == CheckStatus.PASS ? "\u2714" : r.status() == CheckStatus.PARTIAL ? "\u25D0"
                : "\u2716";
        int points = r.points() < 0 ? r.maxPoints() : r.points();
        return mark + " " + title + "   " + points + "/" + r.maxPoints();
    }

    /** Whether a check is running (Cancel is enabled). */
    public boolean isChecking() {
        return cancel.isEnabled();
    }

    /** The line the list shows for row {@code i}, as the student reads it. */
    public String lineAt(int i) {
        Object v = items.get(i);
        return describe(v, notRun(v));
    }

    public Fit.FitList<Object> resultList() {
        return list;
    }
}
