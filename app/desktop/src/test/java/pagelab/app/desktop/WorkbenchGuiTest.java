package pagelab.app.desktop;

import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.desktop.store.ExerciseProgress;
import pagelab.app.desktop.store.UserDataStore;
import pagelab.app.plugins.LoadedExercise;
import pagelab.exercise.SourceSet;

import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student's path through the workbench with the real sparse-cells plugin from the development tree: open the
 * exercise, type, check the starter (partial marks, a failed check shows its evidence), then the reference
 * (full marks, saved progress).
 */
@Tag("gui")
@SuppressWarnings("deprecation") // AssertJ-Swing takes the old InputEvent masks
class WorkbenchGuiTest extends DevelopmentTreeGuiTest {
    @TempDir
    Path dir;

    @Test
    void aStudentOpensTypesChecksAndReachesFullMarks() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(ROOT.resolve(
                "exercises/sparse-cells/target/classes")), "build exercises/sparse-cells first");
        UserDataStore store = new UserDataStore(dir);
        open(store);
        MainFrame frame = (MainFrame) window.target();
        waitFor("the catalog lists sparse-cells", () -> window.label("exerciseTitle").text().contains("("));
        LoadedExercise ex = frame.workbench().openExercise();
        String file = ex.exercise().starter().files().keySet().iterator().next();

        var editor = window.textBox("editor:" + file);
        editor.click();
        editor.pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_END).modifiers(java.awt.event.InputEvent.CTRL_MASK));
        editor.enterText("\n// my notes\n");
        waitFor("autosave", () -> store.loadSolution(ex.id(), file).orElse("").contains("// my notes"));

        window.button("checkButton").click();
        waitFor("the starter is graded", () -> window.label("totalLabel").text().startsWith("Total"));
        String starterTotal = window.label("totalLabel").text();
        assertThat(starterTotal).isNotEqualTo("Total 100 / 100");
        assertThat(window.list("resultList").target().getSelectedIndex()).as("first failed check selected")
                .isGreaterThanOrEqualTo(0);
        waitFor("the failed check's run is in the memory map, to step through",
                () -> !frame.runViewer().cursor().timeline().events().isEmpty());
        GuiActionRunner.execute(() -> frame.runViewer().cursor().setStep(
                frame.runViewer().cursor().timeline().lastStep()));

        SourceSet reference = ex.exercise().reference();
        GuiActionRunner.execute(() -> {
            for (Map.Entry<String, String> f : reference.files().entrySet()) {
                if (frame.workbench().editor().area(f.getKey()) != null) {
                    frame.workbench().editor().area(f.getKey()).setText(f.getValue());
                }
            }
        });
        editor.pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_ENTER).modifiers(java.awt.event.InputEvent.CTRL_MASK));
        waitFor("the reference scores 100 (Ctrl+Enter started a check)",
                () -> window.label("totalLabel").text().equals("Total 100 / 100"));
        waitFor("progress saved", () -> new UserDataStore(dir).loadProgress().of(ex.id()).status()
                == ExerciseProgress.Status.PASSED);
    }

    @Test
    void aCallASolutionMayNotMakeIsMarkedLikeACompileError() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(ROOT.resolve(
                "exercises/sparse-cells/target/classes")), "build exercises/sparse-cells first");
        open(new UserDataStore(dir));
        MainFrame frame = (MainFrame) window.target();
        waitFor("the catalog lists sparse-cells", () -> window.label("exerciseTitle").text().contains("("));
        LoadedExercise ex = frame.workbench().openExercise();
        String file = ex.exercise().starter().files().keySet().iterator().next();
        String reference = ex.exercise().reference().text(file);
        int end = reference.lastIndexOf('}');
        String exits = reference.substring(0, end) + "\n    void quit() {\n        System.exit(0);\n    }\n"
                + reference.substring(end);
        int line = (int) exits.lines().takeWhile(l -> !l.contains("System.exit")).count() + 1;
        GuiActionRunner.execute(() -> frame.workbench().editor().area(file).setText(exits));

        window.button("checkButton").click();
        waitFor("the refusal is listed", () -> window.list("resultList").target().getModel().getSize() > 0
                && String.valueOf(window.list("resultList").target().getModel().getElementAt(0))
                .contains("System.exit(int) is not allowed"));
        assertThat(String.valueOf(window.list("resultList").target().getModel().getElementAt(0)))
                .contains(file + ":" + line).contains("a solution must return its result");
        int icons = GuiActionRunner.execute(() -> {
            var area = frame.workbench().editor().area(file);
            var gutter = ((org.fife.ui.rtextarea.RTextScrollPane) javax.swing.SwingUtilities.getAncestorOfClass(
                    org.fife.ui.rtextarea.RTextScrollPane.class, area)).getGutter();
            try {
                int y = area.modelToView2D(area.getLineStartOffset(line - 1)).getBounds().y + 2;
                return gutter.getTrackingIcons(new java.awt.Point(4, y)).length;
            } catch (javax.swing.text.BadLocationException e) {
                return -1;
            }
        });
        assertThat(icons).as("the gutter marks line %d", line).isEqualTo(1);
        assertThat(window.label("totalLabel").text()).isEqualTo("Total 0 / 100");
    }

    /** A condition that may do I/O. */
    private interface Check {
        boolean test() throws Exception;
    }

    private void waitFor(String what, Check check) {
        try {
            pauseFor(what, check);
        } catch (org.assertj.swing.exception.WaitTimedOutError e) {
            String state = GuiActionRunner.execute(() -> window.label("totalLabel").text() + " | "
                    + window.label("status").text() + " | " + window.progressBar("checkProgress").target().getString()
                    + " | " + ((javax.swing.JEditorPane) robot.finder().findByName(window.target(), "resultDetails")).getText());
            throw new AssertionError(e.getMessage() + " -- total | status | progress: " + state, e);
        }
    }

    private void pauseFor(String what, Check check) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> {
                    try {
                        return check.test();
                    } catch (Exception e) {
                        return false;
                    }
                });
            }
        }, Timeout.timeout(120_000));
    }
}
