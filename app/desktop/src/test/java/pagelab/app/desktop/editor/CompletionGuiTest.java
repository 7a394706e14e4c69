package pagelab.app.desktop.editor;

import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import pagelab.app.desktop.GuiTestSupport;
import pagelab.exercise.SourceSet;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;

import java.awt.event.MouseEvent;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Completion and tooltips for the Win32 names in the editor, on the real text area. */
@Tag("gui")
@SuppressWarnings("deprecation") // AssertJ-Swing takes the old InputEvent masks
class CompletionGuiTest extends GuiTestSupport {
    @Test
    void everyKernel32AndMemoryMethodHasItsLine() {
        Properties docs = Win32Completions.docs();
        List<String> missing = new ArrayList<>();
        for (Class<?> api : List.of(Kernel32.class, Memory.class)) {
            for (Method m : api.getMethods()) {
                String key = api.getSimpleName() + "." + m.getName();
                if (!Modifier.isStatic(m.getModifiers()) && docs.getProperty(key, "").isBlank()) {
                    missing.add(key);
                }
            }
        }
        assertThat(missing).as("methods without a line in win32-docs.properties").isEmpty();
    }

    @Test
    void aFunctionCompletesWithItsParametersAndAConstantShowsItsValue() throws Exception {
        robot = org.assertj.swing.core.BasicRobot.robotWithNewAwtHierarchy();
        EditorPanel editor = GuiActionRunner.execute(EditorPanel::new);
        javax.swing.JFrame frame = GuiActionRunner.execute(() -> {
            javax.swing.JFrame f = new javax.swing.JFrame("completion");
            f.setContentPane(editor);
            f.setSize(700, 400);
            f.setVisible(true);
            return f;
        });
        robot.waitForIdle();
        String code = "class A {\n    void f(Kernel32 kernel) {\n        long p = kernel.VirtualAl\n"
                + "        int c = MEM_COMMIT;\n    }\n}\n";
        var area = GuiActionRunner.execute(() -> {
            editor.open(new SourceSet(Map.of("A.java", code)));
            return editor.area("A.java");
        });
        robot.click(area);
        GuiActionRunner.execute(() -> area.setCaretPosition(code.indexOf("VirtualAl") + "VirtualAl".length()));
        assertThat(GuiActionRunner.execute(() -> Win32Completions.provider().getCompletions(area).stream()
                .map(c -> c.getReplacementText()).toList())).as("what completes kernel.VirtualAl")
                .containsExactly("VirtualAlloc");
        robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_SPACE, java.awt.event.InputEvent.CTRL_MASK);
        robot.waitForIdle();
        String line = GuiActionRunner.execute(() -> area.getText().lines().filter(l -> l.contains("kernel."))
                .findFirst().orElse(""));
        // The only match is inserted with its parameters, as placeholders to tab through.
        assertThat(line).contains("kernel.VirtualAlloc(lpAddress, dwSize, flAllocationType, flProtect)");

        String tip = GuiActionRunner.execute(() -> {
            try {
                int at = area.getText().indexOf("MEM_COMMIT") + 2;
                var r = area.modelToView2D(at).getBounds();
                // Through the area's supplier: RSyntaxTextArea shows it in a focusable tip window, so its own
                // getToolTipText returns null.
                return area.getToolTipSupplier().getToolTipText(area, new MouseEvent(area, MouseEvent.MOUSE_MOVED, 0, 0, r.x + 1,
                        r.y + r.height / 2, 0, false));
            } catch (javax.swing.text.BadLocationException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(tip).isEqualTo("MEM_COMMIT = 0x00001000  (WinNT)");
        assertThat(Win32Completions.tip("VirtualAlloc")).contains("Reserves and/or commits pages");
        assertThat(Win32Completions.tip("ERROR_INVALID_ADDRESS")).isEqualTo("ERROR_INVALID_ADDRESS = 487  (WinError)");
        GuiActionRunner.execute(frame::dispose);
    }
}
