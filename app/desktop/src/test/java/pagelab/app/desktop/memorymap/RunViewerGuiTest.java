package pagelab.app.desktop.memorymap;

import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.desktop.GuiTestSupport;
import pagelab.app.desktop.MainFrame;
import pagelab.app.desktop.store.UserDataStore;
import pagelab.app.desktop.trace.Timeline;
import pagelab.app.desktop.trace.TimelineFixtures;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("gui")
class RunViewerGuiTest extends GuiTestSupport {
    @TempDir
    Path dir;

    @Test
    void steppingTheMapFollowsTheTraceAndExplainsTheFault() throws Exception {
        open(new UserDataStore(dir));
        MainFrame frame = (MainFrame) window.target();
        Timeline t = TimelineFixtures.sample();
        GuiActionRunner.execute(() -> {
            frame.showTab(frame.runViewer());
            frame.runViewer().show(t);
        });
        window.label("mapPosition").requireText(java.util.regex.Pattern.compile("Step 3 of 3.*"));
        window.textBox("eventDetailsText").requireVisible();
        assertThat(detailsText(frame)).contains("EXCEPTION_ACCESS_VIOLATION", "reserved but not committed");

        window.button("memoryMap.first").click();
        window.label("mapPosition").requireText("Step 0 of 3");
        assertThat(window.table("mapTable").rowCount()).isEqualTo(14);

        window.button("memoryMap.next").click();

        window.label("mapPosition").requireText(java.util.regex.Pattern.compile("Step 1 of 3 .*VirtualAlloc.*"));
        window.table("traceTable").requireSelectedRows(0);
        assertThat(window.table("mapTable").rowCount()).isEqualTo(16);
        int selected = window.table("mapTable").target().getSelectedRow();
        assertThat(window.table("mapTable").valueAt(org.assertj.swing.data.TableCell.row(selected).column(0)))
                .isEqualTo("0x00500000");

        window.table("traceTable").selectRows(1);
        window.label("mapPosition").requireText(java.util.regex.Pattern.compile("Step 2 of 3 .*VirtualFree.*"));
        assertThat(detailsText(frame)).contains("ERROR_INVALID_PARAMETER (87)");
    }

    @Test
    void anEmptyMapSaysWhatFillsItAndAPictureSaysItHasNoSteps() throws Exception {
        open(new UserDataStore(dir));
        MainFrame frame = (MainFrame) window.target();
        GuiActionRunner.execute(() -> {
            frame.showTab(frame.runViewer());
            frame.runViewer().show(Timeline.empty());
        });
        window.label("mapPosition").requireText("Nothing to step through yet: select a failed check in Exercises, or "
                + "type a call in the Playground.");
        GuiActionRunner.execute(() -> frame.runViewer().show(Timeline.single(Snapshots.smallX86(0), false)));
        window.label("mapPosition").requireText("One picture, no steps: the address space at the end of the check.");
        assertThat(window.label("mapPosition").text()).doesNotContain("Step 0 of 0");
    }

    private static String detailsText(MainFrame frame) {
        return GuiActionRunner.execute(() -> frame.runViewer().details().text());
    }
}
