package pagelab.app.desktop.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.Container;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JEditorPane;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A narrow pane keeps every paragraph within its width, and each diagram whole: its lines do not wrap, the diagram
 * scrolls sideways in a strip of its own.
 */
class InstructionsPanelTest {

    @ParameterizedTest
    @ValueSource(strings = {"instructions.md", "instructions_zh_CN.md"})
    void diagramsScrollSidewaysOnTheirOwnAndTextWrapsToTheWidth(String file) throws Exception {
        Path md = Path.of("../../exercises/address-space-walk/src/main/resources/address-space-walk", file);
        Assumptions.assumeTrue(Files.isRegularFile(md));
        String text = Files.readString(md);
        List<String> problems = new ArrayList<>();
        int[] strips = new int[1];
        int[] wideStrips = new int[1];
        SwingUtilities.invokeAndWait(() -> {
            InstructionsPanel panel = new InstructionsPanel();
            panel.show(text, null);
            panel.setSize(340, 700);
            layOut(panel);
            strips[0] = panel.strips();
            for (Component c : all(panel)) {
                if (c instanceof JScrollPane s && s.getName() != null && s.getName().endsWith("Strip")) {
                    JEditorPane p = (JEditorPane) s.getViewport().getView();
                    p.getUI().getRootView(p).setSize(p.getWidth(), p.getHeight());
                    int broken = brokenLines(p.getUI().getRootView(p));
                    if (broken > 0) {
                        problems.add(s.getName() + " breaks " + broken + " lines");
                    }
                    if (p.getWidth() > s.getViewport().getWidth()) {
                        wideStrips[0]++;
                        if (!s.getHorizontalScrollBar().isVisible()) {
                            problems.add(s.getName() + " is wider than the page but has no scroll bar");
                        }
                    }
                } else if (c instanceof JEditorPane p && !(p.getParent() instanceof javax.swing.JViewport v
                        && v.getParent() instanceof JScrollPane s && s.getName() != null
                        && s.getName().endsWith("Strip"))) {
                    if (p.getWidth() > 340) {
                        problems.add(p.getName() + " is " + p.getWidth() + " px wide in a 340 px pane");
                    }
                }
            }
            String html = panel.text();
            if (html.contains("\u200B")) {
                problems.add("a zero-width space (a place to wrap) inside the page");
            }
        });
        assertThat(problems).isEmpty();
        assertThat(strips[0]).as("the diagram is a strip").isPositive();
        assertThat(wideStrips[0]).as("the address-space diagram is wider than 340 px and scrolls").isPositive();
    }

    /** Paragraphs (lines of a code block) laid out in more than one row. */
    private static int brokenLines(javax.swing.text.View v) {
        if (v instanceof javax.swing.text.ParagraphView) {
            return v.getViewCount() > 1 ? 1 : 0;
        }
        int n = 0;
        for (int i = 0; i < v.getViewCount(); i++) {
            n += brokenLines(v.getView(i));
        }
        return n;
    }

    private static void layOut(Container c) {
        c.doLayout();
        for (Component child : c.getComponents()) {
            if (child instanceof Container k) {
                layOut(k);
            }
        }
    }

    private static List<Component> all(Container c) {
        List<Component> out = new ArrayList<>();
        for (Component child : c.getComponents()) {
            out.add(child);
            if (child instanceof Container k) {
                out.addAll(all(k));
            }
        }
        return out;
    }
}
