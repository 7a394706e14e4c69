package pagelab.app.desktop.playground;

import org.assertj.swing.core.KeyPressInfo;
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

import java.awt.event.KeyEvent;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("gui")
class PlaygroundGuiTest extends GuiTestSupport {
    @TempDir
    Path dir;

    @Test
    void aReservationTypedInTheConsoleAppearsInTheMap() throws Exception {
        open(new UserDataStore(dir));
        MainFrame frame = (MainFrame) window.target();
        GuiActionRunner.execute(() -> frame.showTab(frame.playground()));

        window.textBox("playgroundInput").enterText("p = VirtualAlloc(0x00500000, 64K, MEM_RESERVE, PAGE_READWRITE)");
        window.textBox("playgroundInput").pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_ENTER));
        waitForOutput("p = 0x00500000");

        window.textBox("playgroundInput").enterText("VirtualAlloc(p, 4K, MEM_COMMIT, PAGE_READWRITE | PAGE_GUARD)");
        window.textBox("playgroundInput").pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_ENTER));
        waitForOutput("$2 = 0x00500000");

        var table = window.panel("playground").table("mapTable");
        String selected = GuiActionRunner.execute(() -> {
            int row = table.target().getSelectedRow();
            return row < 0 ? "" : table.target().getValueAt(row, 0) + " " + table.target().getValueAt(row, 5);
        });
        assertThat(selected).contains("0x00500000", "PAGE_READWRITE|PAGE_GUARD");
        window.panel("playground").button("memoryMap.previous").click();
        window.panel("playground").label("mapPosition").requireText(java.util.regex.Pattern.compile(
                ".*VirtualAlloc\\(0x00500000.*MEM_RESERVE.*"));
    }

    private void waitForOutput(String text) {
        Pause.pause(new Condition("playground output contains " + text) {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> window.textBox("playgroundOutput").target().getText())
                        .contains(text);
            }
        }, Timeout.timeout(20_000));
    }
}
