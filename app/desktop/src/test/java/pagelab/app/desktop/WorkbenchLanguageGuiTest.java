package pagelab.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.desktop.store.LastCheck;
import pagelab.app.desktop.store.UserDataStore;
import pagelab.exercise.CheckResult;

/**
 * The results pane in Simplified Chinese shows what sparse-cells' own translation says: titles, messages and hints
 * (issue 16), while the last check is saved as graded and shown translated again when the desktop restarts.
 */
@Tag("gui")
class WorkbenchLanguageGuiTest extends DevelopmentTreeGuiTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final UiLanguage language = new UiLanguage();

    /** The desktop in Chinese on {@code store}, with sparse-cells open. */
    private MainFrame sparseCellsInChinese(UserDataStore store) {
        assumeExercisesBuilt();
        language.use(Locale.SIMPLIFIED_CHINESE);
        MainFrame frame = openWithCatalog(store);
        GuiActionRunner.execute(() -> frame.workbench().openExercise("sparse-cells"));
        waitUntil("sparse-cells is open", () -> frame.workbench().openExercise().id().equals("sparse-cells"));
        return frame;
    }

    @Test
    void aCheckInChineseShowsTheExercisesChineseTitlesMessagesAndHints() throws Exception {
        UserDataStore store = new UserDataStore(dir);
        MainFrame frame = sparseCellsInChinese(store);

        window.button("checkButton").click();
        waitUntil("the starter is graded", () -> window.label("totalLabel").text().startsWith("总分"));

        CheckResult open = first(frame);
        assertThat(open.title()).isEqualTo("open 预订整张表且不调拨任何页");
        assertThat(open.message()).isEqualTo("预期：open 预订整张表并返回 true；实际：open 返回了 false。");
        assertThat(open.expected()).isEqualTo("open 预订整张表并返回 true");
        assertThat(open.hint()).startsWith("用 VirtualAlloc(0, SHEET_SIZE, MEM_RESERVE, PAGE_READWRITE) 预订");
        assertThat(results(frame)).extracting(CheckResult::message).contains(
                "已跳过：它依赖于“open 预订整张表且不调拨任何页”，而那一项没有通过。");
        waitUntil("the last check is saved", () -> store.loadLastCheck("sparse-cells").isPresent());
        LastCheck saved = store.loadLastCheck("sparse-cells").orElseThrow();
        assertThat(saved.results().get(0).message()).as("saved as graded")
                .isEqualTo("Expected open to reserve the sheet and return true, but open returned false.");

        MainFrame again = restart(new UserDataStore(dir));
        waitUntil("the last check is restored", () -> !results(again).isEmpty());
        assertThat(first(again).message()).isEqualTo("预期：open 预订整张表并返回 true；实际：open 返回了 false。");
    }

    @Test
    void aSolutionThatDoesNotCompileShowsJavacsChineseBeforeAndAfterCheck() throws Exception {
        MainFrame frame = sparseCellsInChinese(new UserDataStore(dir));
        var ex = frame.workbench().openExercise();
        String file = ex.exercise().starter().files().keySet().iterator().next();
        String broken = ex.exercise().starter().text(file) + "\nclass Broken {\n    int x = \"text\";\n}\n";

        // typed: the compile in the background lists javac's Chinese
        GuiActionRunner.execute(() -> frame.workbench().editor().area(file).setText(broken));
        waitUntil("the error is listed in Chinese", () -> firstLine(frame).contains("不兼容的类型"));

        // checked: the same, and the checks say in Chinese why none ran
        window.button("checkButton").click();
        waitUntil("the check is done", () -> window.label("totalLabel").text().startsWith("总分"));
        assertThat(firstLine(frame)).contains(file + ":").contains("不兼容的类型").doesNotContain("incompatible");
        assertThat(results(frame)).isNotEmpty().allSatisfy(r -> assertThat(r.message()).startsWith("解答无法编译：")
                .contains("错误：不兼容的类型").doesNotContain("does not compile"));

        // restarted: the saved check says it in Chinese again
        waitUntil("the last check is saved", () -> new UserDataStore(dir).loadLastCheck("sparse-cells").isPresent());
        MainFrame again = restart(new UserDataStore(dir));
        waitUntil("the last check is restored", () -> !results(again).isEmpty());
        assertThat(results(again)).allSatisfy(r -> assertThat(r.message()).startsWith("解答无法编译：")
                .contains("错误：不兼容的类型"));
    }

    private static String firstLine(MainFrame frame) {
        return GuiActionRunner.execute(() -> {
            var results = frame.workbench().results();
            return results.resultList().getModel().getSize() == 0 ? "" : results.lineAt(0);
        });
    }

    private static CheckResult first(MainFrame frame) {
        return results(frame).get(0);
    }

    private static List<CheckResult> results(MainFrame frame) {
        return GuiActionRunner.execute(() -> {
            List<CheckResult> out = new ArrayList<>();
            var model = frame.workbench().results().resultList().getModel();
            for (int i = 0; i < model.getSize(); i++) {
                if (model.getElementAt(i) instanceof CheckResult r) {
                    out.add(r);
                }
            }
            return out;
        });
    }
}
