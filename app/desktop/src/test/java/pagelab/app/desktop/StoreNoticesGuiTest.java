package pagelab.app.desktop;

import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.desktop.store.UserDataStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "silent reset" finding of issue 22: a progress file found corrupt while the plugins load (after the window is
 * up) is moved aside and the student is told at once, in a notice that stays; a settings file found corrupt before
 * the window existed is told the same way.
 */
@Tag("gui")
class StoreNoticesGuiTest extends GuiTestSupport {
    private static final String PROGRESS = "{\"exercises\": {\"sparse-cells\": {\"status\": \"PASSED\", \"bestPo";

    @TempDir
    Path dir;

    @Test
    void aCorruptProgressFileFoundWhileThePluginsLoadIsShownAndKept() throws Exception {
        Files.writeString(dir.resolve("progress.json"), PROGRESS);
        UserDataStore store = new UserDataStore(dir);

        open(store);

        waitUntil("the notice", () -> !notices().isEmpty());
        Path aside = aside("progress.json.corrupt-");
        assertThat(aside).hasContent(PROGRESS);
        assertThat(notices()).singleElement().asString().contains("progress.json").contains(aside.toString())
                .contains("best score");
        waitUntil("the plugins are loaded", () -> window.label("status").text().contains("loaded"));
        assertThat(notices()).as("nothing overwrites it").hasSize(1);
        MainFrame frame = (MainFrame) window.target();
        assertThat(GuiActionRunner.execute(() -> frame.notices().isShowing())).isTrue();

        window.button("noticeClose").click();

        assertThat(notices()).isEmpty();
        assertThat(GuiActionRunner.execute(() -> frame.notices().isVisible())).isFalse();
    }

    @Test
    void aCorruptSettingsFileReadBeforeTheWindowExistedIsShownToo() throws Exception {
        Files.write(dir.resolve("settings.properties"), new byte[] {0x50, 0x4B, 3, 4, 0, 0, 1});
        UserDataStore store = new UserDataStore(dir);

        open(store); // loads the settings, then builds the window

        assertThat(notices()).singleElement().asString().contains("settings.properties")
                .contains(aside("settings.properties.corrupt-").toString()).contains("defaults");
    }

    private List<String> notices() {
        MainFrame frame = (MainFrame) window.target();
        return GuiActionRunner.execute(() -> frame.notices().texts());
    }

    private Path aside(String prefix) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }
}
