package pagelab.app.desktop;

import net.miginfocom.swing.MigLayout;
import pagelab.app.desktop.catalog.CatalogPanel;
import pagelab.app.desktop.editor.EditorPanel;
import pagelab.app.desktop.editor.InstructionsPanel;
import pagelab.app.desktop.memorymap.RunViewer;
import pagelab.app.desktop.results.CheckJob;
import pagelab.app.desktop.results.ResultsPanel;
import pagelab.app.desktop.store.Autosaver;
import pagelab.app.desktop.store.DataNotice;
import pagelab.app.desktop.store.LastCheck;
import pagelab.app.desktop.store.Progress;
import pagelab.app.desktop.store.UserDataStore;
import pagelab.app.desktop.trace.Timeline;
import pagelab.app.grading.CheckOutcome;
import pagelab.app.grading.GradingResult;
import pagelab.app.plugins.LoadedExercise;
import pagelab.app.plugins.PluginHost;
import pagelab.app.plugins.WorkshopTrack;
import pagelab.app.results.ReportText;
import pagelab.exercise.CheckResult;
import pagelab.exercise.CheckTexts;
import pagelab.exercise.Evidence;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.RunStep;
import pagelab.exercise.SourceSet;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.FaultEvent;
import pagelab.kernel.inspect.KernelCall;
import pagelab.kernel.inspect.SourceLocation;
import pagelab.kernel.inspect.TraceEvent;
import pagelab.solutions.CompileDiagnostic;

import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import java.awt.Dimension;
import java.awt.Font;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DateFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * The exercises tab: catalog, instructions, the editor and the results. It owns the open exercise, opens and
 * autosaves the student's files through an {@link Autosaver} (which never writes over a file the editor did not come
 * from), shows what the student must know about those files above the editor, and runs Check through a
 * {@link CheckJob}.
 */
public final class Workbench extends JPanel {
    private final MainFrame frame;
    private final UserDataStore store;
    private final HostServices services;
    private final RunViewer runViewer;
    private final CatalogPanel catalog = new CatalogPanel();
    private final InstructionsPanel instructions = new InstructionsPanel();
    private final EditorPanel editor = new EditorPanel();
    private final ResultsPanel results = new ResultsPanel(this::checkActionPerformed, this::cancelActionPerformed);
    private final JLabel title = new JLabel(" ");
    private final JButton reset = Ui.button("workbench.reset", this::resetActionPerformed);
    private final JToggleButton instructionsShown = new JToggleButton();
    private JSplitPane instructionsSplit;
    private final NoticeBar notices = new NoticeBar("fileNotices");
    private final Autosaver saver;
    private Progress progress;
    private LoadedExercise open;
    private CheckJob job;
    private boolean compiling;
    private boolean compileAgain;
    /** Check was pressed while a compile in the background ran: it starts when that ends (one grader user). */
    private boolean checkAfterCompile;
    private boolean closed;
    private boolean flushing;
    private SwingWorker<List<CompileDiagnostic>, Void> compileWorker;

    Workbench(MainFrame frame, UserDataStore store, HostServices services, RunViewer runViewer) {
        super(new MigLayout("insets 0, fill"));
        this.frame = frame;
        this.store = store;
        this.services = services;
        this.runViewer = runViewer;
        this.saver = new Autosaver(store);
        this.progress = Progress.empty();
        setName("workbench");
        initComponents();
    }

    private void initComponents() {
        JPanel code = new JPanel(new MigLayout("insets 4, fill", "[grow][][]", "[][][grow]"));
        title.setName("exerciseTitle");
        title.setFont(title.getFont().deriveFont(Font.BOLD));
        code.add(title, "growx, wmin 0");
        instructionsShown.setName("instructionsToggle");
        instructionsShown.setAction(Ui.action("workbench.instructions", () -> showInstructions(
                instructionsShown.isSelected())));
        Ui.label(instructionsShown, Messages.get("workbench.instructions"));
        instructionsShown.setToolTipText(Messages.get("workbench.instructions.tip"));
        code.add(instructionsShown);
        reset.setName("resetButton");
        reset.setEnabled(false);
        code.add(reset, "wrap");
        code.add(notices, "span, growx, wmin 0, hidemode 3, wrap");
        code.add(editor, "span, grow, wmin 0");
        JSplitPane codeAndResults = new JSplitPane(JSplitPane.VERTICAL_SPLIT, code, results);
        codeAndResults.setResizeWeight(0.65);
        // First-start widths (a remembered layout overrides them): the panes' own preferred widths would give the
        // catalog and instructions far more than a 1024-pixel window can spare.
        catalog.setPreferredSize(new Dimension(210, 400));
        instructions.setPreferredSize(new Dimension(320, 400));
        JSplitPane right = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, instructions, codeAndResults);
        right.setResizeWeight(0.4);
        instructionsSplit = right;
        JSplitPane all = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, catalog, right);
        all.setResizeWeight(0.15);
        add(all, "grow");
        frame.rememberSplit("workbench.catalog", all);
        frame.rememberSplit("workbench.instructions", right);
        instructionsShown.setSelected(instructions.isVisible());
        frame.rememberSplit("workbench.results", codeAndResults);
        frame.rememberSplit("workbench.resultDetails", results.split());
        catalog.onOpen(this::openExercise);
        editor.onChange(this::autosave);
        results.onDiagnostic(editor::goTo);
        results.onSnapshot(this::showSnapshot);
        results.onRun(this::showRun);
        runViewer.cursor().addListener(this::showCallerLine);
        String stroke = "ctrl ENTER";
        getInputMap(WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(stroke), "check");
        getActionMap().put("check", Ui.action("results.check", this::checkActionPerformed));
        // Plain text until the plugins are in: Markdown and the HTML kit load later, off the path to first paint.
        instructions.showPlain(Messages.get("workbench.loading"));
    }

    /**
     * Shows or hides the instructions pane, giving its width to the editor; the choice is remembered with the
     * window's layout.
     */
    void showInstructions(boolean shown) {
        instructions.setVisible(shown);
        instructionsShown.setSelected(shown);
        if (shown && instructionsSplit.getDividerLocation() < 50) {
            instructionsSplit.setDividerLocation(0.35);
        }
        instructionsSplit.revalidate();
    }

    /**
     * Shows the loaded exercises and reopens the last one; called on the EDT once plugins are loaded.
     *
     * @param loadedProgress the progress file's content, or null to keep the progress already shown
     */
    void pluginsLoaded(PluginHost host, Progress loadedProgress) {
        if (loadedProgress != null) {
            progress = loadedProgress;
        }
        List<ExerciseDescriptor> descriptors = new ArrayList<>();
        host.exercises().forEach(e -> descriptors.add(inUiLanguage(e)));
        catalog.setExercises(descriptors, progress);
        WorkshopTrack track = store.loadTrack(descriptors, Messages.uiLocale());
        catalog.setTrack(track);
        if (descriptors.isEmpty()) {
            instructions.showPlain(Messages.get("workbench.noExercises"));
            return;
        }
        String last = frame.settings().lastExercise();
        // Chapter order, the fallback when no track names a loaded exercise.
        descriptors.sort(Comparator.comparingInt(ExerciseDescriptor::chapter)
                .thenComparing(ExerciseDescriptor::title));
        // On a first start, the track's first loaded exercise (the catalog opens on the track), else chapter order.
        String first = host.exercise(last).isPresent() ? last : track.exerciseIds().stream()
                .filter(id -> host.exercise(id).isPresent()).findFirst().orElse(descriptors.get(0).id());
        if (open == null) {
            openExercise(first);
            catalog.select(first);
        }
    }

    /** The exercise's descriptor with its title in the UI's language (from its translated instructions). */
    static ExerciseDescriptor inUiLanguage(LoadedExercise e) {
        ExerciseDescriptor d = e.descriptor();
        return new ExerciseDescriptor(d.id(), e.title(Messages.uiLocale()), d.chapter(), d.difficulty(), d.minutes(),
                d.goals(), d.track());
    }

    void openExercise(String id) {
        PluginHost host = services.host();
        if (host == null || host.exercise(id).isEmpty() || open != null && open.id().equals(id)) {
            return;
        }
        editor.flush();
        open = host.exercise(id).get();
        frame.rememberLastExercise(id);
        ExerciseDescriptor d = inUiLanguage(open);
        title.setText(Messages.format("workbench.title", d.title(), d.chapter(), d.minutes()));
        title.setToolTipText(title.getText()); // the label ends in an ellipsis when the editor is narrow
        reset.setEnabled(true);
        instructions.show(open.exercise().instructions(Messages.uiLocale()), imageBase(open));
        Autosaver.Opened files = saver.open(id, open.exercise().starter().files());
        editor.open(new SourceSet(files.texts()));
        notices.clear();
        files.notices().forEach(this::showNotice);
        results.clear();
        // The last check's results, as they were when the student left (without its runs: Check brings those).
        store.loadLastCheck(id).ifPresent(c -> {
            CheckTexts texts = texts(open);
            // A solution that did not compile was saved with javac's summary in English: say it again from the
            // saved messages, which are in the language the student read them in.
            List<CompileDiagnostic> errors = c.diagnostics().stream().filter(CompileDiagnostic::error).toList();
            String summary = errors.isEmpty() ? null : ReportText.of(Messages.uiLocale()).summary(
                    new pagelab.solutions.CompiledSolution(errors, List.of(), null, List.of()));
            results.restore(c.diagnostics(), c.results().stream().map(r -> summary != null && r.message() != null
                    && r.message().startsWith(COMPILE_SUMMARY) ? notRun(shown(texts, r), summary) : shown(texts, r))
                    .toList(), c.notRun(), c.points(), c.maxPoints(),
                    Messages.format("results.restored", DateFormat.getDateTimeInstance(DateFormat.SHORT,
                            DateFormat.SHORT, Messages.uiLocale()).format(new Date(c.at()))));
            editor.showDiagnostics(c.diagnostics());
        });
    }

    /** Tells the student about one of the open exercise's files; the message stays until they close it. */
    private void showNotice(DataNotice n) {
        String name = n.file().getFileName().toString();
        switch (n.kind()) {
            case READ_AS -> notices.add(Messages.format("notice.readAs", name, n.detail(), n.keptAs()), null, null);
            case MOVED_ASIDE -> notices.add(Messages.format("notice.movedAside", name, n.detail(), n.keptAs()),
                    null, null);
            case LEFT_AS_IS -> notices.add(Messages.format("notice.leftAsIs", name, n.detail()), null, null);
            case DIVERTED -> notices.add(Messages.format("notice.diverted." + n.detail(), name, n.keptAs()),
                    "notice.reload", this::reopenFromDisk);
            case DATA_FOLDER -> notices.add(n.message(), null, null);
        }
    }

    /** Shows the open exercise's files as they are on disk now (after edits were diverted beside a changed file). */
    private void reopenFromDisk() {
        if (open != null) {
            String id = open.id();
            editor.flush();
            open = null;
            openExercise(id);
        }
    }

    private static URL imageBase(LoadedExercise ex) {
        try {
            Path p = ex.pluginPath();
            if (p == null) {
                return null;
            }
            return Files.isDirectory(p) ? p.resolve(ex.id() + "/").toUri().toURL()
                    : new URL("jar:" + p.toUri() + "!/" + ex.id() + "/");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void autosave(SourceSet sources) {
        if (open == null) {
            return;
        }
        compileInBackground();
        String id = open.id();
        progress = progress.with(id, progress.of(id).started());
        catalog.setProgress(progress);
        saver.save(id, sources.files(), progress, n -> SwingUtilities.invokeLater(() -> showNotice(n)),
                e -> SwingUtilities.invokeLater(() -> frame.showStatus(Messages.format("store.saveFailed", id,
                        e.getMessage()))));
    }

    /**
     * Compiles the open exercise's sources as the student pauses typing (the autosave's pause is the debounce), so
     * errors show in the gutter and at the top of the results list before Check. One compile at a time: edits made
     * while one runs start another when it ends; none runs beside a check.
     */
    private void compileInBackground() {
        if (job != null || open == null || closed || flushing) {
            return;
        }
        if (compiling) {
            compileAgain = true;
            return;
        }
        compiling = true;
        compileAgain = false;
        LoadedExercise ex = open;
        SourceSet sources = editor.sources();
        compileWorker = new SwingWorker<List<CompileDiagnostic>, Void>() {
            @Override
            protected List<CompileDiagnostic> doInBackground() {
                // javac's messages in the UI language, rendered by the same compile
                Locale locale = Messages.uiLocale();
                return ReportText.of(locale).markers(services.grader().compiledIn(locale, ex, sources,
                        services.grader().compile(ex, sources)));
            }

            @Override
            protected void done() {
                compiling = false;
                try {
                    List<CompileDiagnostic> markers = get();
                    // Stale if the student switched exercises or a check started meanwhile.
                    if (open == ex && job == null && editor.sources().equals(sources)) {
                        editor.showDiagnostics(markers);
                        results.showProblems(markers);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    frame.showStatus(Messages.format("workbench.compileFailed", String.valueOf(e.getCause())));
                }
                if (checkAfterCompile) {
                    checkAfterCompile = false;
                    checkActionPerformed();
                } else if (compileAgain) {
                    compileInBackground();
                }
            }
        };
        compileWorker.execute();
    }

    void checkActionPerformed() {
        if (open == null || job != null || closed) {
            return;
        }
        if (compiling) {
            checkAfterCompile = true;
            return;
        }
        flushing = true; // the check compiles these sources itself: no compile in the background beside it
        try {
            editor.flush();
        } finally {
            flushing = false;
        }
        LoadedExercise ex = open;
        List<String> checks;
        CheckTexts texts = texts(ex);
        try {
            checks = services.grader().plan(ex).checks().stream().map(c -> texts.title(c.id()) != null
                    ? texts.title(c.id()) : c.title() == null || c.title().isBlank() ? c.id() : c.title()).toList();
        } catch (RuntimeException e) {
            frame.showStatus(Messages.format("workbench.checkFailed", e.getMessage()));
            return;
        }
        results.started(checks);
        frame.showStatus(Messages.format("workbench.checking", ex.title(Messages.uiLocale())));
        job = new CheckJob(services.grader(), ex, editor.sources(), r -> results.addResult(shown(texts, r)),
                o -> checkDone(ex, o));
        job.execute();
    }

    /**
     * The exercise's own translation of its checks' titles, messages and hints for the UI language ({@link CheckTexts});
     * the pane shows results through it, the saved last check keeps them as graded.
     */
    private static CheckTexts texts(LoadedExercise ex) {
        return CheckTexts.of(ex.exercise(), Messages.uiLocale());
    }

    /**
     * {@code r} as the pane shows it: the exercise's translation, then PageLab's words around the Win32 names of a
     * fault ("writing 0x...") in the UI language.
     */
    private static CheckResult shown(CheckTexts texts, CheckResult r) {
        return ReportText.of(Messages.uiLocale()).faults(texts.apply(r));
    }

    /** How CompiledSolution.summary() starts for a solution that does not compile (what a saved result holds). */
    private static final String COMPILE_SUMMARY = "The solution does not compile: ";

    /** {@code c} with {@code message} as its message: a check that did not run because the solution cannot. */
    private static CheckResult notRun(CheckResult c, String message) {
        return new CheckResult(c.checkId(), c.title(), c.status(), c.points(), c.maxPoints(), message, c.expected(),
                c.actual(), c.hint(), c.evidence(), c.failureMode(), List.of(), c.expectedMsg(), c.actualMsg(),
                c.hintMsg());
    }

    private void checkDone(LoadedExercise ex, CheckJob.Outcome o) {
        job = null;
        if (o.cancelled()) {
            services.discardGrader();
            saver.sweepDataFolder(); // a killed check's leftovers, and any other dead process's
            results.stopped(Messages.get("results.cancelled"));
            frame.showStatus(Messages.get("results.cancelled"));
            return;
        }
        if (o.result() == null) {
            String why = String.valueOf(o.failure());
            results.stopped(Messages.format("workbench.checkFailed", why));
            frame.showStatus(Messages.format("workbench.checkFailed", why));
            return;
        }
        GradingResult r = o.result();
        List<CompileDiagnostic> markers = o.markers();
        editor.showDiagnostics(markers);
        Set<String> notRun = new HashSet<>();
        r.outcomes().forEach((id, outcome) -> {
            if (outcome == CheckOutcome.NOT_RUN) {
                notRun.add(id);
            }
        });
        if (o.notRunBecause() != null) {
            // every check says why none ran, in javac's English: say it in the UI language
            CheckTexts texts = texts(ex);
            results.restore(markers, r.report().results().stream().map(c -> notRun(shown(texts, c),
                    o.notRunBecause())).toList(), notRun, r.points(), r.maxPoints(), null);
        } else {
            results.finished(markers, notRun, r.points(), r.maxPoints(), null);
        }
        // the saved check keeps the results as graded; the markers as the student read them
        saver.saveLastCheck(new LastCheck(ex.id(), System.currentTimeMillis(), r.points(), r.maxPoints(),
                markers, r.report().results(), notRun), e -> SwingUtilities.invokeLater(() ->
                frame.showStatus(Messages.format("store.saveFailed", store.lastCheckFile(ex.id()), e.getMessage()))));
        progress = progress.with(ex.id(), progress.of(ex.id()).afterCheck(r.points(), r.maxPoints(),
                System.currentTimeMillis()));
        catalog.setProgress(progress);
        saver.saveProgress(progress, e -> SwingUtilities.invokeLater(() -> frame.showStatus(
                Messages.format("store.saveFailed", store.progressFile(), e.getMessage()))));
        frame.showStatus(Messages.format("workbench.checked", r.points(), r.maxPoints(), r.millis()));
    }

    void cancelActionPerformed() {
        if (job != null) {
            job.stop();
        }
    }

    private void resetActionPerformed() {
        if (open == null) {
            return;
        }
        int answer = JOptionPane.showConfirmDialog(this, Messages.get("workbench.reset.confirm"),
                Messages.get("workbench.reset.title"), JOptionPane.OK_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE);
        if (answer != JOptionPane.OK_OPTION) {
            return;
        }
        SourceSet starter = open.exercise().starter();
        editor.open(starter);
        results.clear();
        editor.showDiagnostics(List.of());
        notices.clear();
        saver.reset(open.id(), starter.files().keySet(),
                e -> SwingUtilities.invokeLater(() -> frame.showStatus(e.getMessage())));
    }

    /** A failed check's run goes to the memory map, to be stepped through event by event. */
    private void showRun(Evidence run) {
        boolean is64 = open != null && open.exercise().machineConfig().is64Bit();
        runViewer.show(Timeline.of(run.snapshot(), RunStep.toEvents(run.steps(), 0), is64));
        frame.showStatus(Messages.get("workbench.runShown"));
    }

    /**
     * While the map steps through a run, the editor shows the student's line that made the current call or fault
     * (when it is in one of the exercise's files).
     */
    private void showCallerLine() {
        TraceEvent e = runViewer.cursor().timeline().eventAt(runViewer.cursor().step());
        SourceLocation at = e instanceof KernelCall c ? c.caller()
                : e instanceof FaultEvent f ? f.caller() : null;
        if (at == null || at.line() <= 0 || open == null) {
            return;
        }
        String simple = at.className().substring(at.className().lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        String file = (nested >= 0 ? simple.substring(0, nested) : simple) + ".java";
        if (editor.sources().files().containsKey(file)) {
            editor.goTo(file, at.line());
        }
    }

    private void showSnapshot(AddressSpaceSnapshot snapshot) {
        boolean is64 = open != null && open.exercise().machineConfig().is64Bit();
        runViewer.show(Timeline.single(snapshot, is64));
        frame.showStatus(Messages.get("workbench.snapshotShown"));
    }

    /** Saves pending edits and waits (briefly) for the writer; stops a running check. */
    void close() {
        closed = true;
        editor.flush();
        // A compile in the background writes the data folder's class cache: let it finish before the window goes.
        if (compileWorker != null && !compileWorker.isDone()) {
            try {
                compileWorker.get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // It failed or hangs: closing goes on; nothing of the student's is in that cache.
            }
        }
        if (job != null) {
            job.stop();
        }
        saver.close(3);
    }

    /** The open exercise, or null. */
    LoadedExercise openExercise() {
        return open;
    }

    EditorPanel editor() {
        return editor;
    }

    ResultsPanel results() {
        return results;
    }

    CatalogPanel catalog() {
        return catalog;
    }

    JComponent instructions() {
        return instructions;
    }

    /** The notices about the open exercise's files. */
    NoticeBar notices() {
        return notices;
    }
}
