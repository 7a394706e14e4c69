package pagelab.app.desktop.editor;

import org.fife.ui.autocomplete.AutoCompletion;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.fife.ui.rsyntaxtextarea.SyntaxConstants;
import org.fife.ui.rsyntaxtextarea.Style;
import org.fife.ui.rsyntaxtextarea.SyntaxScheme;
import org.fife.ui.rsyntaxtextarea.Theme;
import pagelab.app.desktop.Contrast;
import org.fife.ui.rtextarea.RTextScrollPane;
import pagelab.solutions.CompileDiagnostic;

import javax.swing.JComponent;
import javax.swing.KeyStroke;
import javax.swing.UIManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.BadLocationException;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * One open file: an RSyntaxTextArea in a scroll pane with line numbers and an icon gutter. Every use of
 * RSyntaxTextArea lives here, so that its 200 classes load when the first file opens, not at startup.
 */
final class EditorFile {
    private final RSyntaxTextArea area = new RSyntaxTextArea(25, 80);
    private final RTextScrollPane scroll;
    private final AutoCompletion completion;

    EditorFile(String name, String text, Runnable onEdit) {
        area.setName("editor:" + name);
        area.setSyntaxEditingStyle(SyntaxConstants.SYNTAX_STYLE_JAVA);
        area.setCodeFoldingEnabled(true);
        area.setTabSize(4);
        area.setTabsEmulated(true);
        // RSyntaxTextArea binds Ctrl+Enter to word completion; PageLab's Ctrl+Enter is Check.
        area.getInputMap().put(KeyStroke.getKeyStroke("ctrl ENTER"), "none");
        area.setText(text);
        area.setCaretPosition(0);
        area.discardAllEdits();
        area.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                onEdit.run();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                onEdit.run();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
            }
        });
        scroll = new RTextScrollPane(area, true);
        scroll.setIconRowHeaderEnabled(true);
        completion = Win32Completions.install(area);
    }

    AutoCompletion completion() {
        return completion;
    }

    JComponent component() {
        return scroll;
    }

    RSyntaxTextArea area() {
        return area;
    }

    String text() {
        return area.getText();
    }

    void clearMarks() {
        area.removeAllLineHighlights();
        scroll.getGutter().removeAllTrackingIcons();
    }

    /** Marks one error; a line that vanished while the compiler ran is skipped. */
    void mark(CompileDiagnostic d, Color line) {
        if (d.line() < 1 || d.line() > area.getLineCount()) {
            return;
        }
        try {
            area.addLineHighlight((int) d.line() - 1, line);
            scroll.getGutter().addLineTrackingIcon((int) d.line() - 1, new ErrorIcon(), d.message());
        } catch (BadLocationException e) {
            // The line is gone: nothing to mark.
        }
    }

    void goTo(long line) {
        try {
            int l = (int) Math.max(0, Math.min(area.getLineCount() - 1, line - 1));
            area.setCaretPosition(area.getLineStartOffset(l));
            area.requestFocusInWindow();
        } catch (BadLocationException e) {
            // Out of range after clamping cannot happen; leave the caret where it is.
        }
    }

    /** Applies RSyntaxTextArea's dark or IntelliJ-like theme and the UI font size. */
    void applyTheme(boolean dark) {
        String res = dark ? "/org/fife/ui/rsyntaxtextarea/themes/dark.xml"
                : "/org/fife/ui/rsyntaxtextarea/themes/idea.xml";
        try (InputStream in = RSyntaxTextArea.class.getResourceAsStream(res)) {
            if (in != null) {
                Font font = area.getFont();
                Theme.load(in).apply(area);
                Font ui = UIManager.getFont("defaultFont");
                area.setFont(font.deriveFont((float) (ui != null ? ui.getSize() + 1 : font.getSize())));
            }
        } catch (IOException | RuntimeException e) {
            // A missing theme leaves the default colours: readable, just not themed.
        }
    }

    /**
     * Lifts every token colour (comments and their TODO markers are the faint ones) to WCAG AA against the editor's
     * background: the stock dark theme draws them grey on grey.
     */
    void ensureContrast() {
        SyntaxScheme scheme = area.getSyntaxScheme();
        Color bg = area.getBackground();
        for (int i = 0; i < scheme.getStyleCount(); i++) {
            Style st = scheme.getStyle(i);
            if (st != null && st.foreground != null) {
                st.foreground = Contrast.atLeast(st.foreground, st.background != null ? st.background : bg,
                        Contrast.AA);
            }
        }
        area.setSyntaxScheme(scheme);
    }

    static void markAll(List<CompileDiagnostic> diagnostics, Map<String, EditorFile> files, Color line) {
        files.values().forEach(EditorFile::clearMarks);
        for (CompileDiagnostic d : diagnostics) {
            EditorFile f = files.get(d.file());
            if (f != null && d.error()) {
                f.mark(d, line);
            }
        }
    }
}
