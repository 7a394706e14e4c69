package pagelab.app.desktop;

import net.miginfocom.swing.MigLayout;
import pagelab.app.desktop.catalog.CatalogPanel;
import pagelab.app.desktop.editor.EditorPanel;
import pagelab.app.desktop.editor.InstructionsPanel;
import pagelab.app.desktop.memorymap.RunViewer;
import pagelab.app.desktop.results.CheckJob;
import pagelab.app.desktop.results.ResultsPanel;
import pagelab.app.desktop.store.Progress;
import pagelab.app.desktop.store.UserDataStore;
import pagelab.app.desktop.trace.Timeline;
import pagelab.app.grading.GradingResult;
import pagelab.app.plugins.LoadedExercise;
import pagelab.app.plugins.PluginHost;
import pagelab.app.plugins.WorkshopTrack;
import pagelab.exercise.Evidence;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.RunStep;
import pagelab.exercise.SourceSet;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.FaultEvent;
import pagelab.kernel.inspect.KernelCall;
import pagelab.kernel.inspect.SourceLocation;
import pagelab.kernel.inspect.TraceEvent;

import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import java.awt.Font;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The exercises tab: catalog, instructions, the editor and the results. It owns the open exercise, autosaves the
 * student's files through a single background writer, and runs Check through a {@link CheckJob}.
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
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "autosave");
        t.setDaemon(true);
        return t;
    });
    private Progress progress;
    private LoadedExercise open;
    private CheckJob job;

    Workbench(MainFrame frame, UserDataStore store, HostServices services, RunViewer runViewer) {
        super(new MigLayout("insets 0, fill"));
        this.frame = frame;
        this.store = store;
        this.services = services;
        this.runViewer = runViewer;
        this.progress = Progress.empty();
        setName("workbench");
        initComponents();
    }

    private void initComponents() {
        JPanel code = new JPanel(new MigLayout("insets 4, fill", "[grow][]", "[][grow]"));
        title.setName("exerciseTitle");
        title.setFont(title.getFont().deriveFont(Font.BOLD));
        code.add(title, "growx, wmin 0");
        reset.setName("resetButton");
        reset.setEnabled(false);
        code.add(reset, "wrap");
        code.add(editor, "span, grow, wmin 0");
        JSplitPane codeAndResults = new JSplitPane(JSplitPane.VERTICAL_SPLIT, code, results);
        codeAndResults.setResizeWeight(0.65);
        JSplitPane right = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, instructions, codeAndResults);
        right.setResizeWeight(0.4);
        JSplitPane all = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, catalog, right);
        all.setResizeWeight(0.15);
        add(all, "grow");
        frame.rememberSplit("workbench.catalog", all);
        frame.rememberSplit("workbench.instructions", right);
        frame.rememberSplit("workbench.results", codeAndResults);
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
     * Shows the loaded exercises and reopens the last one; called on the EDT once plugins are loaded.
     *
     * @param loadedProgress the progress file's content, or null to keep the progress already shown
     */
    void pluginsLoaded(PluginHost host, Progress loadedProgress) {
        if (loadedProgress != null) {
            progress = loadedProgress;
        }
        List<ExerciseDescriptor> descriptors = new ArrayList<>();
        host.exercises().forEach(e -> descriptors.add(e.descriptor()));
        catalog.setExercises(descriptors, progress);
        WorkshopTrack track = WorkshopTrack.load(store.root());
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

    void openExercise(String id) {
        PluginHost host = services.host();
        if (host == null || host.exercise(id).isEmpty() || open != null && open.id().equals(id)) {
            return;
        }
        editor.flush();
        open = host.exercise(id).get();
        frame.rememberLastExercise(id);
        ExerciseDescriptor d = open.descriptor();
        title.setText(Messages.format("workbench.title", d.title(), d.chapter(), d.minutes()));
        reset.setEnabled(true);
        instructions.show(open.exercise().instructions(Messages.uiLocale()), imageBase(open));
        editor.open(studentSources(open));
        results.clear();
    }

    private SourceSet studentSources(LoadedExercise ex) {
        Map<String, String> files = new LinkedHashMap<>();
        ex.exercise().starter().files().forEach((name, starter) -> {
            try {
                files.put(name, store.loadSolution(ex.id(), name).orElse(starter));
            } catch (IOException | RuntimeException e) {
                frame.showStatus(Messages.format("workbench.loadFailed", name, e.getMessage()));
                files.put(name, starter);
            }
        });
        return new SourceSet(files);
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
        String id = open.id();
        progress = progress.with(id, progress.of(id).started());
        catalog.setProgress(progress);
        Progress snapshot = progress;
        writer.submit(() -> {
            try {
                for (Map.Entry<String, String> f : sources.files().entrySet()) {
                    store.saveSolution(id, f.getKey(), f.getValue());
                }
                store.saveProgress(snapshot);
            } catch (IOException | RuntimeException e) {
                SwingUtilities.invokeLater(() -> frame.showStatus(Messages.format("store.saveFailed",
                        id, e.toString())));
            }
        });
    }

    void checkActionPerformed() {
        if (open == null || job != null) {
            return;
        }
        editor.flush();
        LoadedExercise ex = open;
        int checks;
        try {
            checks = services.grader().plan(ex).checks().size();
        } catch (RuntimeException e) {
            frame.showStatus(Messages.format("workbench.checkFailed", e.getMessage()));
            return;
        }
        results.started(checks);
        frame.showStatus(Messages.format("workbench.checking", ex.descriptor().title()));
        job = new CheckJob(services.grader(), ex, editor.sources(), results::addResult, o -> checkDone(ex, o));
        job.execute();
    }

    private void checkDone(LoadedExercise ex, CheckJob.Outcome o) {
        job = null;
        if (o.cancelled()) {
            services.discardGrader();
            results.finished(List.of(), 0, 0, Messages.get("results.cancelled"));
            frame.showStatus(Messages.get("results.cancelled"));
            return;
        }
        if (o.result() == null) {
            String why = String.valueOf(o.failure());
            results.finished(List.of(), 0, 0, Messages.format("workbench.checkFailed", why));
            frame.showStatus(Messages.format("workbench.checkFailed", why));
            return;
        }
        GradingResult r = o.result();
        editor.showDiagnostics(r.compile().diagnostics());
        results.finished(r.compile().diagnostics(), r.points(), r.maxPoints(), null);
        progress = progress.with(ex.id(), progress.of(ex.id()).afterCheck(r.points(), r.maxPoints(),
                System.currentTimeMillis()));
        catalog.setProgress(progress);
        Progress snapshot = progress;
        writer.submit(() -> {
            try {
                store.saveProgress(snapshot);
            } catch (IOException e) {
                SwingUtilities.invokeLater(() -> frame.showStatus(Messages.format("store.saveFailed",
                        store.progressFile(), e.toString())));
            }
        });
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
        String id = open.id();
        writer.submit(() -> {
            for (String name : starter.files().keySet()) {
                try {
                    store.deleteSolution(id, name);
                } catch (IOException e) {
                    SwingUtilities.invokeLater(() -> frame.showStatus(e.getMessage()));
                }
            }
        });
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
        editor.flush();
        if (job != null) {
            job.stop();
        }
        writer.shutdown();
        try {
            writer.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
}
