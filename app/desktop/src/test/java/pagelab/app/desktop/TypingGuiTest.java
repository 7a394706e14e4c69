package pagelab.app.desktop;

import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.desktop.store.UserDataStore;
import pagelab.app.plugins.LoadedExercise;
import pagelab.solutions.CompileDiagnostic;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Help while typing, with the real sparse-cells plugin: compile errors appear as the student pauses, before Check. */
@Tag("gui")
class TypingGuiTest extends DevelopmentTreeGuiTest {
    @TempDir
    Path dir;

    @Test
    void anErrorTypedShowsInTheGutterAndTheProblemsListWithoutCheckAndGoesWhenFixed() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(ROOT.resolve(
                "exercises/sparse-cells/target/classes")), "build exercises/sparse-cells first");
        open(new UserDataStore(dir));
        MainFrame frame = (MainFrame) window.target();
        waitUntil("sparse-cells is open", () -> frame.workbench().openExercise() != null);
        LoadedExercise ex = frame.workbench().openExercise();
        String file = ex.exercise().starter().files().keySet().iterator().next();
        String starter = ex.exercise().starter().text(file);
        String broken = starter + "\nclass Broken {\n    int x = ;\n}\n";
        int line = (int) broken.lines().takeWhile(l -> !l.contains("int x = ;")).count() + 1;

        GuiActionRunner.execute(() -> frame.workbench().editor().area(file).setText(broken));
        waitUntil("the error is listed", () -> firstLine(frame).contains(file + ":" + line));
        assertThat(frame.workbench().results().isChecking()).as("no check ran").isFalse();
        assertThat(window.label("totalLabel").text()).as("no total: nothing was graded").isBlank();
        assertThat(gutterIcons(frame, file, line)).as("the gutter marks line %d", line).isEqualTo(1);

        GuiActionRunner.execute(() -> frame.workbench().editor().area(file).setText(starter));
        waitUntil("the problem is gone", () -> frame.workbench().results().resultList().getModel().getSize() == 0
                || !(frame.workbench().results().resultList().getModel().getElementAt(0)
                instanceof CompileDiagnostic));
        assertThat(gutterIcons(frame, file, line)).isZero();
    }

    private static String firstLine(MainFrame frame) {
        var results = frame.workbench().results();
        return results.resultList().getModel().getSize() == 0 ? "" : results.lineAt(0);
    }

    private int gutterIcons(MainFrame frame, String file, int line) {
        return GuiActionRunner.execute(() -> {
            var area = frame.workbench().editor().area(file);
            var gutter = ((org.fife.ui.rtextarea.RTextScrollPane) javax.swing.SwingUtilities.getAncestorOfClass(
                    org.fife.ui.rtextarea.RTextScrollPane.class, area)).getGutter();
            try {
                if (line > area.getLineCount()) {
                    return 0;
                }
                int y = area.modelToView2D(area.getLineStartOffset(line - 1)).getBounds().y + 2;
                return gutter.getTrackingIcons(new java.awt.Point(4, y)).length;
            } catch (javax.swing.text.BadLocationException e) {
                return -1;
            }
        });
    }
}
