package pagelab.app.desktop.editor;

import net.miginfocom.swing.MigLayout;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.fife.ui.rsyntaxtextarea.SyntaxConstants;
import org.fife.ui.rsyntaxtextarea.Theme;
import org.fife.ui.rtextarea.Gutter;
import org.fife.ui.rtextarea.RTextScrollPane;
import pagelab.app.desktop.Themes;
import pagelab.app.grading.CompileDiagnostic;
import pagelab.exercise.SourceSet;

import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import javax.swing.Timer;
import javax.swing.UIManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.BadLocationException;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The student's files, one tab each, in RSyntaxTextArea: Java colouring, line numbers, compile errors marked in
 * the gutter and highlighted. Edits are reported (for autosave) once typing pauses for {@link #AUTOSAVE_MS}.
 * RSyntaxTextArea does not follow the LaF, so its theme is switched with the app's.
 */
public final class EditorPanel extends JPanel {
    static final int AUTOSAVE_MS = 700;

    private final JTabbedPane tabs = new JTabbedPane();
    private final Map<String, RSyntaxTextArea> areas = new LinkedHashMap<>();
    private final Map<String, RTextScrollPane> scrolls = new LinkedHashMap<>();
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
            areas.clear();
            scrolls.clear();
            sources.files().forEach(this::addFile);
        } finally {
            loading = false;
        }
    }

    private void addFile(String name, String text) {
        RSyntaxTextArea area = new RSyntaxTextArea(25, 80);
        area.setName("editor:" + name);
        area.setSyntaxEditingStyle(SyntaxConstants.SYNTAX_STYLE_JAVA);
        area.setCodeFoldingEnabled(true);
        area.setTabSize(4);
        area.setTabsEmulated(true);
        // RSyntaxTextArea binds Ctrl+Enter to word completion; PageLab's Ctrl+Enter is Check.
        area.getInputMap().put(javax.swing.KeyStroke.getKeyStroke("ctrl ENTER"), "none");
        area.setText(text);
        area.setCaretPosition(0);
        area.discardAllEdits();
        area.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                edited();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                edited();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
            }
        });
        RTextScrollPane scroll = new RTextScrollPane(area, true);
        scroll.setIconRowHeaderEnabled(true);
        areas.put(name, area);
        scrolls.put(name, scroll);
        tabs.addTab(name, scroll);
        applyTheme(area);
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
        Map<String, String> files = new LinkedHashMap<>();
        areas.forEach((name, area) -> files.put(name, area.getText()));
        return new SourceSet(files);
    }

    /** Marks errors in the gutter and highlights their lines; warnings are left to the results list. */
    public void showDiagnostics(List<CompileDiagnostic> diagnostics) {
        Color line = UIManager.getColor("Editor.errorLine.background");
        for (Map.Entry<String, RSyntaxTextArea> e : areas.entrySet()) {
            e.getValue().removeAllLineHighlights();
            scrolls.get(e.getKey()).getGutter().removeAllTrackingIcons();
        }
        for (CompileDiagnostic d : diagnostics) {
            RSyntaxTextArea area = areas.get(d.file());
            if (area == null || !d.error() || d.line() < 1 || d.line() > area.getLineCount()) {
                continue;
            }
            try {
                area.addLineHighlight((int) d.line() - 1, line != null ? line : new Color(0xFFE4E4));
                Gutter gutter = scrolls.get(d.file()).getGutter();
                gutter.addLineTrackingIcon((int) d.line() - 1, new ErrorIcon(), d.message());
            } catch (BadLocationException ex) {
                // The line vanished while the compiler ran: nothing to mark.
            }
        }
    }

    /** Shows {@code file} with the caret on {@code line} (1-based). */
    public void goTo(String file, long line) {
        RSyntaxTextArea area = areas.get(file);
        if (area == null) {
            return;
        }
        tabs.setSelectedComponent(scrolls.get(file));
        try {
            int l = (int) Math.max(0, Math.min(area.getLineCount() - 1, line - 1));
            area.setCaretPosition(area.getLineStartOffset(l));
            area.requestFocusInWindow();
        } catch (BadLocationException e) {
            // Out of range after clamping cannot happen; leave the caret where it is.
        }
    }

    public RSyntaxTextArea area(String file) {
        return areas.get(file);
    }

    private void applyTheme() {
        areas.values().forEach(this::applyTheme);
    }

    private void applyTheme(RSyntaxTextArea area) {
        // RSyntaxTextArea's built-in colours are its light theme; parsing a theme's XML costs a visible moment,
        // so it is only done once the user has gone dark.
        if (!Themes.isDark() && !themed) {
            return;
        }
        themed = true;
        String res = Themes.isDark() ? "/org/fife/ui/rsyntaxtextarea/themes/dark.xml"
                : "/org/fife/ui/rsyntaxtextarea/themes/idea.xml";
        try (InputStream in = RSyntaxTextArea.class.getResourceAsStream(res)) {
            if (in != null) {
                java.awt.Font font = area.getFont();
                Theme.load(in).apply(area);
                area.setFont(font.deriveFont((float) UIManager.getFont("defaultFont").getSize() + 1));
            }
        } catch (IOException | RuntimeException e) {
            // A missing theme leaves the default colours: readable, just not themed.
        }
    }
}
