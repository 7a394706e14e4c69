package pagelab.app.desktop.editor;

import net.miginfocom.swing.MigLayout;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import pagelab.app.desktop.Themes;
import pagelab.solutions.CompileDiagnostic;
import pagelab.exercise.SourceSet;

import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import javax.swing.Timer;
import javax.swing.UIManager;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The student's files, one tab each ({@link EditorFile}): Java colouring, line numbers, compile errors marked in
 * the gutter and highlighted. Edits are reported (for autosave) once typing pauses for {@link #AUTOSAVE_MS}.
 * RSyntaxTextArea does not follow the LaF, so its theme is switched with the app's.
 */
public final class EditorPanel extends JPanel {
    static final int AUTOSAVE_MS = 700;

    private final JTabbedPane tabs = new JTabbedPane();
    private final Map<String, EditorFile> files = new LinkedHashMap<>();
    private final Timer autosave = new Timer(AUTOSAVE_MS, e -> fireChanged());
    private final Consumer<Boolean> themeListener = dark -> applyTheme();
    private Consumer<SourceSet> onChange = s -> { };
    private boolean loading;
    private boolean themed;

    public EditorPanel() {
        super(new MigLayout("insets 0, fill"));
        setName("editor");
        tabs.setName("editorTabs");
        autosave.setRepeats(false);
        add(tabs, "grow");
    }

    @Override
    public void addNotify() {
        super.addNotify();
        Themes.addListener(themeListener);
    }

    @Override
    public void removeNotify() {
        Themes.removeListener(themeListener);
        super.removeNotify();
    }

    /** Called with the sources after the student paused typing. */
    public void onChange(Consumer<SourceSet> handler) {
        onChange = handler;
    }

    /** Replaces the open files with {@code sources}; does not report a change. */
    public void open(SourceSet sources) {
        autosave.stop();
        loading = true;
        try {
            tabs.removeAll();
            files.clear();
            sources.files().forEach((name, text) -> {
                EditorFile f = new EditorFile(name, text, this::edited);
                files.put(name, f);
                tabs.addTab(name, f.component());
                applyTheme(f);
            });
        } finally {
            loading = false;
        }
    }

    private void edited() {
        if (!loading) {
            autosave.restart();
        }
    }

    private void fireChanged() {
        onChange.accept(sources());
    }

    /** Saves now if an autosave is pending (before a check, on close). */
    public void flush() {
        if (autosave.isRunning()) {
            autosave.stop();
            fireChanged();
        }
    }

    public SourceSet sources() {
        Map<String, String> out = new LinkedHashMap<>();
        files.forEach((name, f) -> out.put(name, f.text()));
        return new SourceSet(out);
    }

    /** Marks errors in the gutter and highlights their lines; warnings are left to the results list. */
    public void showDiagnostics(List<CompileDiagnostic> diagnostics) {
        Color line = UIManager.getColor("Editor.errorLine.background");
        EditorFile.markAll(diagnostics, files, line != null ? line : new Color(0xFFE4E4));
    }

    /** Shows {@code file} with the caret on {@code line} (1-based). */
    public void goTo(String file, long line) {
        EditorFile f = files.get(file);
        if (f != null) {
            tabs.setSelectedComponent(f.component());
            f.goTo(line);
        }
    }

    /** The completion installed on {@code file}'s text area, or null. */
    public org.fife.ui.autocomplete.AutoCompletion completion(String file) {
        EditorFile f = files.get(file);
        return f == null ? null : f.completion();
    }

    /** The text area of {@code file}, or null. */
    public RSyntaxTextArea area(String file) {
        EditorFile f = files.get(file);
        return f == null ? null : f.area();
    }

    private void applyTheme() {
        files.values().forEach(this::applyTheme);
    }

    // RSyntaxTextArea's built-in colours are its light theme; parsing a theme's XML costs a visible moment, so it
    // is only done once the user has gone dark.
    private void applyTheme(EditorFile f) {
        if (Themes.isDark() || themed) {
            themed = true;
            f.applyTheme(Themes.isDark());
        }
        f.ensureContrast();
    }
}
