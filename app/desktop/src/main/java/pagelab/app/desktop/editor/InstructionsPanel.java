package pagelab.app.desktop.editor;

import net.miginfocom.swing.MigLayout;

import javax.swing.JEditorPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.UIManager;
import javax.swing.text.html.HTMLDocument;
import java.awt.Color;
import java.net.URL;

/** Shows an exercise's instructions rendered from Markdown; re-renders in the new colours on a theme change. */
public final class InstructionsPanel extends JPanel {
    private final JEditorPane pane = new JEditorPane();
    private String markdown = "";
    private URL base;

    public InstructionsPanel() {
        super(new MigLayout("insets 0, fill"));
        setName("instructions");
        pane.setName("instructionsText");
        pane.setEditable(false);
        add(new JScrollPane(pane), "grow");
    }

    /**
     * Shows {@code value}.
     *
     * @param imageBase where relative image paths resolve (the plugin's resources), or null
     */
    public void show(String value, URL imageBase) {
        markdown = value == null ? "" : value;
        base = imageBase;
        render();
    }

    /** Shows a plain message (no Markdown). */
    public void showPlain(String message) {
        markdown = null;
        pane.setContentType("text/plain");
        pane.setText(message);
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (pane != null && markdown != null) {
            render();
        }
    }

    private void render() {
        if (!"text/html".equals(pane.getContentType())) {
            // Set on first use: the HTML kit is costly to load and not needed for the first paint.
            pane.setEditorKit(new WrappingHtmlKit());
        }
        Color fg = UIManager.getColor("Label.foreground");
        Color bg = UIManager.getColor("TextArea.background");
        Color code = UIManager.getColor("Panel.background");
        int size = UIManager.getFont("Label.font") != null ? UIManager.getFont("Label.font").getSize() : 13;
        pane.setText(Markdown.document(markdown, fg, bg, code, size));
        if (base != null && pane.getDocument() instanceof HTMLDocument) {
            ((HTMLDocument) pane.getDocument()).setBase(base);
        }
        pane.setCaretPosition(0);
    }

    public String text() {
        return pane.getText();
    }
}
