package pagelab.app.desktop.results;

import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pagelab.app.desktop.Messages;
import pagelab.exercise.CheckInfo;
import pagelab.exercise.CheckResult;
import pagelab.solutions.CompileDiagnostic;

import javax.swing.JEditorPane;
import javax.swing.JLabel;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The results pane's states, driven as the workbench drives it (on the EDT, without a window). */
class ResultsPanelTest {
    private static final CheckInfo RESERVE = new CheckInfo("reserve", "Reserve the sheet", 10, List.of(), 0);
    private static final CheckInfo RELEASE = new CheckInfo("release", "Release it", 10, List.of("reserve"), 1);

    @BeforeAll
    static void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void theProgressBarNamesTheCheckThatRuns() {
        String[] seen = GuiActionRunner.execute(() -> {
            ResultsPanel p = new ResultsPanel(() -> { }, () -> { });
            p.started(List.of(RESERVE.title(), RELEASE.title()));
            String compiling = p.progressText();
            p.addResult(CheckResult.fail("no").scored(RESERVE));
            return new String[] {compiling, p.progressText()};
        });
        assertThat(seen[0]).isEqualTo("Compiling, then checking: Reserve the sheet (1 of 2)");
        assertThat(seen[1]).isEqualTo("Checking: Release it (2 of 2)");
    }

    @Test
    void aCancelledCheckKeepsWhatRanAndShowsNoZeroTotal() {
        String[] seen = GuiActionRunner.execute(() -> {
            ResultsPanel p = new ResultsPanel(() -> { }, () -> { });
            p.started(List.of(RESERVE.title(), RELEASE.title()));
            p.addResult(CheckResult.pass("ok").scored(RESERVE));
            p.stopped(Messages.get("results.cancelled"));
            return new String[] {total(p), p.progressText(), String.valueOf(p.resultList().getModel().getSize()),
                    String.valueOf(p.isChecking())};
        });
        assertThat(seen[0]).isEqualTo("1 of 2 checks ran").doesNotContain("0 / 0");
        assertThat(seen[1]).isEqualTo("Check cancelled");
        assertThat(seen[2]).isEqualTo("1");
        assertThat(seen[3]).isEqualTo("false");
    }

    @Test
    void checksThatDidNotRunAreMarkedNotRunNotFailedAndTheErrorIsSelected() {
        CompileDiagnostic error = new CompileDiagnostic("SparseSpreadsheet.java", 12, 5, true,
                "';' expected " + "x".repeat(300));
        Object[] seen = GuiActionRunner.execute(() -> {
            ResultsPanel p = new ResultsPanel(() -> { }, () -> { });
            p.started(List.of(RESERVE.title(), RELEASE.title()));
            p.addResult(CheckResult.fail("The solution did not compile.").scored(RESERVE));
            p.addResult(CheckResult.skipped("reserve scored nothing").scored(RELEASE));
            p.finished(List.of(error), Set.of("reserve"), 0, 20, null);
            JEditorPane details = (JEditorPane) ((javax.swing.JScrollPane) p.split().getRightComponent())
                    .getViewport().getView();
            return new Object[] {p.lineAt(0), p.lineAt(1), p.lineAt(2), p.resultList().getSelectedIndex(),
                    details.getText(), details.getCaretPosition()};
        });
        assertThat((String) seen[0]).startsWith("\u2716 SparseSpreadsheet.java:12");
        assertThat((String) seen[1]).isEqualTo("\u25CB Reserve the sheet   not run");
        assertThat((String) seen[2]).isEqualTo("\u25CB Release it   not run");
        assertThat(seen[3]).as("the compile error, not a check that did not run, is selected").isEqualTo(0);
        // The file and line lead the details, and the message wraps instead of pushing them out of view.
        assertThat((String) seen[4]).contains("<b>SparseSpreadsheet.java:12</b>").doesNotContain("<pre>");
        assertThat(seen[5]).isEqualTo(0);
    }

    @Test
    void anEmptyListSaysWhatGoesThere() {
        String placeholder = GuiActionRunner.execute(() -> new ResultsPanel(() -> { }, () -> { }).resultList()
                .placeholder());
        assertThat(placeholder).startsWith("No results yet. Press Check");
    }

    private static String total(ResultsPanel p) {
        for (java.awt.Component c : p.getComponents()) {
            if ("totalLabel".equals(c.getName())) {
                return ((JLabel) c).getText();
            }
        }
        throw new AssertionError("no totalLabel");
    }
}
