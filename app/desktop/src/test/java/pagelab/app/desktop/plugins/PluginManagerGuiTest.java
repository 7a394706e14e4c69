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

    @Test
    void anInstalledPluginShowsItsExerciseTitlesAndCanBeUninstalled(@TempDir Path files) throws Exception {
        Path jar = Path.of("../../exercises/sparse-cells/target/sparse-cells-0.1.0-SNAPSHOT.jar").toAbsolutePath()
                .normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(jar), "package exercises/sparse-cells first");
        open(new UserDataStore(dir));
        MainFrame frame = (MainFrame) window.target();
        waitFor(() -> !window.label("status").text().isBlank());
        GuiActionRunner.execute(() -> {
            frame.showTab(frame.pluginManager());
            frame.installPlugin(jar);
        });
        waitFor(() -> window.label("status").text().contains("is installed and loaded"));
        var table = window.table("pluginTable");
        int row = GuiActionRunner.execute(() -> table.target().getSelectedRow());
        assertThat(row).as("the new plugin is selected").isGreaterThanOrEqualTo(0);
        assertThat(table.valueAt(org.assertj.swing.data.TableCell.row(row).column(3)))
                .as("exercise titles, not ids").isEqualTo("A sparse spreadsheet");
        assertThat(table.valueAt(org.assertj.swing.data.TableCell.row(row).column(5)))
                .isEqualTo("installed by you; you can uninstall it");
        Path installed = GuiActionRunner.execute(() -> frame.pluginManager().table().getValueAt(row, 6).toString())
                .transform(Path::of);
        assertThat(installed).exists();

        window.button("uninstallPlugin").requireEnabled().click();
        var ok = window.optionPane().requireMessage(java.util.regex.Pattern.compile("(?s)Uninstall sparse-cells\\?.*"))
                .okButton();
        // Pressed on the EDT rather than by a robot click: a click that arrived before the dialog took input was
        // lost now and then (the dialog stayed open and the test timed out with the plugin still installed).
        GuiActionRunner.execute(() -> ok.target().doClick());

        waitFor(() -> window.label("status").text().contains("is uninstalled"));
        assertThat(installed).doesNotExist();
        javax.swing.JList<?> catalog = robot.finder().findByName("catalogList", javax.swing.JList.class, false);
        assertThat(GuiActionRunner.execute(() -> catalog.getModel().getSize())).as("its exercise left the catalog")
                .isZero();
        window.button("uninstallPlugin").requireDisabled();
    }

    @Test
    void aPluginCanBeDisabledAndEnabledAgainAndItsExercisesFollow() throws Exception {
        Path jar = Path.of("../../exercises/sparse-cells/target/sparse-cells-0.1.0-SNAPSHOT.jar").toAbsolutePath()
                .normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(jar), "package exercises/sparse-cells first");
        open(new UserDataStore(dir));
        MainFrame frame = (MainFrame) window.target();
        waitFor(() -> !window.label("status").text().isBlank());
        GuiActionRunner.execute(() -> {
            frame.showTab(frame.pluginManager());
            frame.installPlugin(jar);
        });
        waitFor(() -> window.label("status").text().contains("is installed and loaded"));
        javax.swing.JList<?> catalog = robot.finder().findByName("catalogList", javax.swing.JList.class, false);
        int rows = GuiActionRunner.execute(() -> catalog.getModel().getSize());
        assertThat(rows).as("the exercise (and its stage's heading)").isPositive();

        window.button("togglePlugin").requireEnabled().requireText("Disable").click();
        waitFor(() -> window.label("status").text().contains("is disabled"));
        assertThat(GuiActionRunner.execute(() -> catalog.getModel().getSize())).as("its exercise left the catalog")
                .isZero();
        var table = window.table("pluginTable");
        int row = GuiActionRunner.execute(() -> table.target().getSelectedRow());
        assertThat(row).as("the plugin stays selected").isGreaterThanOrEqualTo(0);
        assertThat(table.valueAt(org.assertj.swing.data.TableCell.row(row).column(2))).isEqualTo("disabled");
        assertThat(table.valueAt(org.assertj.swing.data.TableCell.row(row).column(5)))
                .isEqualTo("turned off by you; Enable brings its exercises back");
        assertThat(GuiActionRunner.execute(() -> frame.pluginManager().reasonText())).contains("is disabled");
        assertThat(dir.resolve("plugins").resolve("disabled.txt")).content().contains("sparse-cells");

        window.button("togglePlugin").requireText("Enable").click();
        waitFor(() -> window.label("status").text().contains("is enabled and loaded"));
        assertThat(GuiActionRunner.execute(() -> catalog.getModel().getSize())).as("its exercise is back")
                .isEqualTo(rows);
        window.button("togglePlugin").requireText("Disable");
    }

    private void waitFor(java.util.function.BooleanSupplier test) {
        try {
            Pause.pause(new Condition("plugin manager") {
                @Override
                public boolean test() {
                    return GuiActionRunner.execute(test::getAsBoolean);
                }
            }, Timeout.timeout(60_000));
        } catch (org.assertj.swing.exception.WaitTimedOutError e) {
            throw new AssertionError("timed out; status: \"" + GuiActionRunner.execute(() -> window.label("status")
                    .target().getText()) + "\"; plugin details: \"" + GuiActionRunner.execute(() -> ((MainFrame)
                    window.target()).pluginManager().reasonText()) + "\"", e);
        }
    }
}
