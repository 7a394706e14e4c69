package pagelab.app.desktop;

import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.desktop.playground.PlaygroundPanel;
import pagelab.app.desktop.plugins.PluginManagerPanel;
import pagelab.app.desktop.store.UserDataStore;

import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("gui")
class LazyTabGuiTest extends GuiTestSupport {
    @TempDir
    Path dir;

    @Test
    void buildsItsPanelWhenFirstSelectedAndOnlyOnce() {
        AtomicInteger built = new AtomicInteger();
        int[] childrenAfter = GuiActionRunner.execute(() -> {
            JTabbedPane pane = new JTabbedPane();
            pane.addTab("first", new JPanel());
            LazyTab<JLabel> tab = new LazyTab<>("second", () -> {
                built.incrementAndGet();
                return new JLabel("built");
            });
            tab.addTo(pane, "second");
            int before = built.get();
            pane.setSelectedIndex(1);
            pane.setSelectedIndex(0);
            pane.setSelectedIndex(1);
            JLabel label = tab.get();
            return new int[] {before, built.get(), tab.getComponentCount(), label.getParent() == tab ? 1 : 0};
        });
        assertThat(childrenAfter).containsExactly(0, 1, 1, 1);
    }

    @Test
    void theWindowBuildsThePlaygroundAndPluginManagerOnlyWhenTheirTabsAreSelected() throws Exception {
        open(new UserDataStore(dir));
        MainFrame frame = (MainFrame) window.target();
        assertThat(count(PlaygroundPanel.class)).isZero();
        assertThat(count(PluginManagerPanel.class)).isZero();

        window.tabbedPane("mainTabs").selectTab(2);
        window.tabbedPane("mainTabs").selectTab(0);
        window.tabbedPane("mainTabs").selectTab(2);

        assertThat(count(PlaygroundPanel.class)).isEqualTo(1);
        assertThat(count(PluginManagerPanel.class)).isZero();
        // Asking for a panel (as the menus and tests do) builds it too, and the tab still shows it.
        PluginManagerPanel manager = GuiActionRunner.execute(frame::pluginManager);
        GuiActionRunner.execute(() -> frame.showTab(manager));
        window.tabbedPane("mainTabs").requireSelectedTab(org.assertj.swing.data.Index.atIndex(3));
        assertThat(count(PluginManagerPanel.class)).isEqualTo(1);
    }

    private int count(Class<? extends java.awt.Component> type) {
        return GuiActionRunner.execute(() -> robot.finder().findAll(window.target(), type::isInstance).size());
    }
}
