package pagelab.app.desktop;

import org.assertj.swing.edt.GuiActionRunner;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.fife.ui.rsyntaxtextarea.TokenTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.desktop.store.Settings;
import pagelab.app.desktop.store.UserDataStore;
import pagelab.exercise.SourceSet;

import javax.swing.JButton;
import javax.swing.JMenuItem;
import javax.swing.UIManager;
import java.awt.Color;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The colours as drawn, in both themes: faint text reaches WCAG AA, and accelerators name keys as printed. */
@Tag("gui")
class ContrastGuiTest extends GuiTestSupport {
    @TempDir
    Path dir;

    @AfterEach
    void light() {
        GuiActionRunner.execute(() -> Themes.apply(false, Settings.DEFAULT_FONT));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void commentsTodosAndTheDisabledCancelButtonReachFourAndAHalfToOne(boolean dark) throws Exception {
        open(new UserDataStore(dir));
        MainFrame frame = (MainFrame) window.target();
        GuiActionRunner.execute(() -> {
            Themes.apply(dark, Settings.DEFAULT_FONT);
            frame.workbench().editor().open(new SourceSet(Map.of("A.java",
                    "// TODO: reserve the sheet\n/* block */\n/** doc */\nclass A {}\n")));
        });
        robot.waitForIdle();
        double[] ratios = GuiActionRunner.execute(() -> {
            RSyntaxTextArea area = (RSyntaxTextArea) frame.workbench().editor().area("A.java");
            Color bg = area.getBackground();
            JButton cancel = window.button("cancelButton").target();
            assertThat(cancel.isEnabled()).isFalse();
            Color disabledBg = UIManager.getColor("Button.disabledBackground");
            Color parentBg = cancel.getParent().getBackground();
            Color disabledFg = UIManager.getColor("Button.disabledText");
            return new double[] {
                Contrast.ratio(area.getSyntaxScheme().getStyle(TokenTypes.COMMENT_KEYWORD).foreground, bg),
                Contrast.ratio(area.getSyntaxScheme().getStyle(TokenTypes.COMMENT_EOL).foreground, bg),
                Contrast.ratio(area.getSyntaxScheme().getStyle(TokenTypes.COMMENT_MULTILINE).foreground, bg),
                Contrast.ratio(area.getSyntaxScheme().getStyle(TokenTypes.COMMENT_DOCUMENTATION).foreground, bg),
                Math.min(Contrast.ratio(disabledFg, disabledBg), Contrast.ratio(disabledFg, parentBg)),
            };
        });
        String[] what = {"TODO", "// comment", "/* comment */", "/** doc */", "disabled Cancel"};
        for (int i = 0; i < ratios.length; i++) {
            assertThat(ratios[i]).as("%s in the %s theme", what[i], dark ? "dark" : "light")
                    .isGreaterThanOrEqualTo(Contrast.AA);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void fontSizeAcceleratorsReadCtrlEqualsSignAndCtrlMinusSign(boolean dark) throws Exception {
        open(new UserDataStore(dir));
        GuiActionRunner.execute(() -> Themes.apply(dark, Settings.DEFAULT_FONT));
        String[] texts = GuiActionRunner.execute(() -> {
            JMenuItem bigger = window.menuItem("menu.view.fontBigger").target();
            JMenuItem smaller = window.menuItem("menu.view.fontSmaller").target();
            return new String[] {((KeyNamesMenuItemUI) bigger.getUI()).acceleratorText(bigger),
                ((KeyNamesMenuItemUI) smaller.getUI()).acceleratorText(smaller)};
        });
        assertThat(texts).containsExactly("Ctrl+=", "Ctrl+-");
    }

    @org.junit.jupiter.api.Test
    void theRatioIsWcags() {
        assertThat(Contrast.ratio(Color.BLACK, Color.WHITE)).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Contrast.ratio(new Color(0x777777), Color.WHITE)).isCloseTo(4.48,
                org.assertj.core.data.Offset.offset(0.01));
        Color lifted = Contrast.atLeast(new Color(0x808080), new Color(0x2B2B2B), Contrast.AA);
        assertThat(Contrast.ratio(lifted, new Color(0x2B2B2B))).isGreaterThanOrEqualTo(Contrast.AA);
    }
}
