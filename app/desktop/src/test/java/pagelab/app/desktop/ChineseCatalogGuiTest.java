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
import pagelab.app.desktop.catalog.CatalogEntry;
import pagelab.app.desktop.catalog.CatalogPanel;
import pagelab.app.desktop.store.UserDataStore;

/** In Chinese, the catalog names the track's stages and the exercises in Chinese, as the exercise's header does. */
@Tag("gui")
class ChineseCatalogGuiTest extends DevelopmentTreeGuiTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final UiLanguage language = new UiLanguage();

    @Test
    void stagesAndExerciseTitlesAreChinese() throws Exception {
        assumeExercisesBuilt();
        language.use(Locale.SIMPLIFIED_CHINESE);
        MainFrame frame = openWithCatalog(new UserDataStore(dir));
        List<String> lines = GuiActionRunner.execute(() -> {
            List<String> out = new ArrayList<>();
            var model = frame.workbench().catalog().entries().getModel();
            for (int i = 0; i < model.getSize(); i++) {
                out.add(CatalogPanel.describe((CatalogEntry) model.getElementAt(i)));
            }
            return out;
        });
        assertThat(lines).contains("1. 四处看看：地址空间（第 13-14 章）", "6. 堆（第 18 章）");
        assertThat(lines).anyMatch(l -> l.contains("稀疏电子表格")).anyMatch(l -> l.contains("遍历地址空间"))
                .noneMatch(l -> l.contains("A sparse spreadsheet")).noneMatch(l -> l.contains("Look around"));
        String open = GuiActionRunner.execute(() -> frame.workbench().openExercise().title(Locale.SIMPLIFIED_CHINESE));
        assertThat(open).matches(".*\\p{IsHan}.*");
        assertThat(window.label("exerciseTitle").text()).as("the open exercise's header").contains(open);
    }
}
