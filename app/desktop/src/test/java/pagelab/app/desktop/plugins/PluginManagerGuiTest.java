package pagelab.app.desktop.plugins;

import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.desktop.GuiTestSupport;
import pagelab.app.desktop.MainFrame;
import pagelab.app.desktop.store.UserDataStore;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("gui")
class PluginManagerGuiTest extends GuiTestSupport {
    @TempDir
    Path dir;

    @Test
    void aBrokenPluginIsListedAsFailedWithItsReasonAndTheAppCarriesOn(@TempDir Path files) throws Exception {
        open(new UserDataStore(dir));
        MainFrame frame = (MainFrame) window.target();
        Path broken = files.resolve("broken-plugin.jar");
        Files.write(broken, new byte[] {'P', 'K', 3, 4, 'n', 'o', 't', ' ', 'a', ' ', 'j', 'a', 'r'});
        waitFor(() -> frame.pluginManager().table().isEnabled() && !window.label("status").text().isBlank());

        GuiActionRunner.execute(() -> {
            frame.showTab(frame.pluginManager());
            frame.installPlugin(broken);
        });

        waitFor(() -> window.label("status").text().contains("was not installed"));
        assertThat(window.label("status").text()).contains("broken-plugin.jar");
        String reason = GuiActionRunner.execute(() -> frame.pluginManager().reasonText());
        assertThat(reason).contains("could not be loaded");
        assertThat(frame.isShowing()).isTrue();
    }

    private void waitFor(java.util.function.BooleanSupplier test) {
        Pause.pause(new Condition("plugin manager") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(test::getAsBoolean);
            }
        }, Timeout.timeout(60_000));
    }
}
