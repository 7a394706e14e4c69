package pagelab.app.desktop;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLightLaf;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.desktop.store.Settings;
import pagelab.app.desktop.store.UserDataStore;

import javax.swing.UIManager;
import java.awt.Rectangle;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("gui")
class MainFrameGuiTest extends GuiTestSupport {
    @TempDir
    Path dir;

    @Test
    void switchingToTheDarkThemeRepaintsAndIsRemembered() throws Exception {
        UserDataStore store = new UserDataStore(dir);
        open(store);
        assertThat(UIManager.getLookAndFeel()).isInstanceOf(FlatLightLaf.class);

        window.menuItem("menu.view.dark").click();

        assertThat(UIManager.getLookAndFeel()).isInstanceOf(FlatDarkLaf.class);
        assertThat(new UserDataStore(dir).loadSettings().dark()).isTrue();
        GuiActionRunner.execute(() -> Themes.apply(false, Settings.DEFAULT_FONT));
    }

    @Test
    void windowBoundsAndTabAreRestoredOnTheNextStart() throws Exception {
        UserDataStore store = new UserDataStore(dir);
        open(store);
        Rectangle bounds = new Rectangle(40, 30, 900, 650);
        GuiActionRunner.execute(() -> window.target().setBounds(bounds));
        window.tabbedPane("mainTabs").selectTab(2);
        GuiActionRunner.execute(() -> ((MainFrame) window.target()).closeWindow());
        robot.cleanUp();
        robot = null;

        open(new UserDataStore(dir));

        assertThat(window.target().getBounds()).isEqualTo(bounds);
        window.tabbedPane("mainTabs").requireSelectedTab(org.assertj.swing.data.Index.atIndex(2));
    }
}
