package pagelab.app.desktop;

import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.desktop.store.Settings;
import pagelab.app.desktop.store.UserDataStore;
import pagelab.app.desktop.store.WindowLayout;
import pagelab.app.plugins.LoadedExercise;

import javax.swing.AbstractButton;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import java.awt.Component;
import java.awt.Container;
import java.awt.Font;
import java.awt.Rectangle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desktop in a 1024x700 window with the real sparse-cells plugin: nothing is cut without an ellipsis and a
 * tooltip, the instructions can be hidden and stay hidden, and the last check is shown again after a restart.
 */
@Tag("gui")
class FitsTheScreenGuiTest extends DevelopmentTreeGuiTest {
    @TempDir
    Path dir;

    private MainFrame openSmall() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(ROOT.resolve(
                "exercises/sparse-cells/target/classes")), "build exercises/sparse-cells first");
        UserDataStore store = new UserDataStore(dir);
        if (!Files.exists(store.settingsFile())) {
            store.saveSettings(Settings.defaults().withWindow(new WindowLayout(0, 0, 1024, 700, false, Map.of(), 0)));
        }
        open(store);
        MainFrame frame = (MainFrame) window.target();
        waitUntil("sparse-cells is open", () -> frame.workbench().openExercise() != null);
        return frame;
    }

    @Test
    void at1024x700NothingIsCutWithoutAnEllipsisAndATooltip() throws Exception {
        MainFrame frame = openSmall();
        // A catalog as narrow as a student may drag it: its lines end in an ellipsis and tell the rest on hover.
        GuiActionRunner.execute(() -> splitHolding(frame.workbench().catalog()).setDividerLocation(120));
        robot.waitForIdle();
        var catalog = frame.workbench().catalog().entries();
        List<String> cut = GuiActionRunner.execute(() -> {
            assertThat(catalog.getWidth()).as("the list is as wide as its pane, not wider")
                    .isLessThanOrEqualTo(catalog.getParent().getWidth());
            List<String> out = new ArrayList<>();
            for (int i = 0; i < catalog.getModel().getSize(); i++) {
                if (catalog.cutTextAt(i) != null) {
                    out.add(catalog.cutTextAt(i));
                }
            }
            return out;
        });
        assertThat(cut).as("a 120-pixel catalog cuts the exercise's line").isNotEmpty();
        assertThat(cut).anyMatch(t -> t.contains("A sparse spreadsheet") && t.contains("\u00b7"));

        // Every playground button shows its whole label inside the window.
        GuiActionRunner.execute(() -> frame.showTab(frame.playground()));
        robot.waitForIdle();
        List<String> clipped = GuiActionRunner.execute(() -> {
            List<String> out = new ArrayList<>();
            Rectangle window = SwingUtilities.convertRectangle(frame.getContentPane(), frame.getContentPane()
                    .getBounds(), frame.getContentPane());
            for (AbstractButton b : buttons(frame.playground())) {
                if (!b.isShowing() || b.getText() == null || b.getText().isEmpty()) { // arrows of scroll bars
                    continue;
                }
                Rectangle r = SwingUtilities.convertRectangle(b.getParent(), b.getBounds(), frame.getContentPane());
                if (b.getWidth() < b.getPreferredSize().width || !window.contains(r)
                        || !((javax.swing.JComponent) b.getParent()).getVisibleRect().contains(
                                new Rectangle(0, 0, b.getWidth(), b.getHeight()).union(b.getBounds()))) {
                    out.add(b.getText());
                }
            }
            return out;
        });
        assertThat(clipped).as("cut playground buttons").isEmpty();

        // The map's address column holds a whole address, however the other columns squeeze.
        GuiActionRunner.execute(() -> frame.playground().type("p = VirtualAlloc(NULL, 1M, MEM_RESERVE, PAGE_NOACCESS)"));
        waitUntil("the call ran", () -> frame.playground().outputText().contains("p = 0x"));
        JTable map = (JTable) robot.finder().find(frame.playground(), c -> c instanceof JTable
                && "mapTable".equals(c.getName()) && c.isShowing());
        int[] widths = GuiActionRunner.execute(() -> {
            Font mono = new Font(Font.MONOSPACED, Font.BOLD, map.getFont().getSize());
            return new int[] {map.getColumnModel().getColumn(0).getWidth(),
                    map.getFontMetrics(mono).stringWidth("   0x00000000")};
        });
        assertThat(widths[0]).as("address column").isGreaterThan(widths[1]);
        String addressCut = GuiActionRunner.execute(() -> {
            for (int row = 0; row < map.getRowCount(); row++) {
                if (((Fit.FitTable) map).cutTextAt(row, 0) != null) {
                    return ((Fit.FitTable) map).cutTextAt(row, 0);
                }
            }
            return null;
        });
        assertThat(addressCut).as("a cut address").isNull();
    }

    @Test
    void hiddenInstructionsStayHiddenAndTheLastCheckComesBackAfterARestart() throws Exception {
        MainFrame frame = openSmall();
        int editorWidth = GuiActionRunner.execute(() -> frame.workbench().editor().getWidth());
        window.toggleButton("instructionsToggle").click();
        robot.waitForIdle();
        assertThat(GuiActionRunner.execute(() -> frame.workbench().instructions().isShowing())).isFalse();
        assertThat(GuiActionRunner.execute(() -> frame.workbench().editor().getWidth()))
                .as("the editor takes the instructions' width").isGreaterThan(editorWidth + 100);

        window.button("checkButton").click();
        waitUntil("the starter is graded", () -> window.label("totalLabel").text().startsWith("Total"));
        String total = window.label("totalLabel").text();
        int listed = GuiActionRunner.execute(() -> frame.workbench().results().resultList().getModel().getSize());
        LoadedExercise ex = frame.workbench().openExercise();
        waitUntil("the last check is kept", () -> Files.exists(new UserDataStore(dir).lastCheckFile(ex.id())));
        GuiActionRunner.execute(frame::closeWindow);
        robot.cleanUp();
        robot = null;

        MainFrame again = openSmall();
        waitUntil("the results pane shows the last check",
                () -> again.workbench().results().resultList().getModel().getSize() == listed);
        assertThat(window.label("totalLabel").text()).isEqualTo(total);
        assertThat(window.progressBar("checkProgress").target().getString()).startsWith("Last check: ");
        assertThat(GuiActionRunner.execute(() -> again.workbench().instructions().isVisible())).isFalse();
        window.toggleButton("instructionsToggle").requireNotSelected();
    }

    private static JSplitPane splitHolding(Component c) {
        return (JSplitPane) SwingUtilities.getAncestorOfClass(JSplitPane.class, c);
    }

    private static List<AbstractButton> buttons(Container c) {
        List<AbstractButton> out = new ArrayList<>();
        for (Component child : c.getComponents()) {
            if (child instanceof AbstractButton b && !(child instanceof javax.swing.JMenuItem)) {
                out.add(b);
            }
            if (child instanceof Container k) {
                out.addAll(buttons(k));
            }
        }
        return out;
    }
}
