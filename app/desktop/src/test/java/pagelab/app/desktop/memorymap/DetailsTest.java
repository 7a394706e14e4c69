package pagelab.app.desktop.memorymap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pagelab.app.desktop.Messages;
import pagelab.app.desktop.playground.PlaygroundSession;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.Allocation;

/** The memory map's details column in the UI language: what the simulator lays out, named in Chinese (issue 16). */
class DetailsTest {
    @AfterEach
    void restore() {
        Messages.use(Locale.ENGLISH);
    }

    /** A process with a stack, TEB, PEB, environment, default heap, a private heap with a large block, a section. */
    static List<String> details(MachineConfig config) {
        try (PlaygroundSession s = new PlaygroundSession(config)) {
            for (String line : List.of("h = HeapCreate(0, 0, 0)", "HeapAlloc(h, 0, 4M)",
                    "m = CreateFileMapping(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 64K, NULL)",
                    "MapViewOfFile(m, FILE_MAP_WRITE, 0, 0, 0)")) {
                assertThat(s.run(line).ok()).as(line).isTrue();
            }
            AddressSpaceSnapshot end = s.timeline().snapshotAt(s.timeline().lastStep());
            return end.allocations().stream().map(Allocation::detail).filter(d -> d != null && !d.isEmpty())
                    .toList();
        }
    }

    @Test
    void everyDetailOfAFreshProcessAndItsHeapsAndSectionsReadsInChinese() {
        for (MachineConfig config : List.of(MachineConfig.x86().seed(1), MachineConfig.x64().seed(1))) {
            List<String> details = details(config);
            assertThat(details).anyMatch(d -> d.startsWith("Thread stack")).anyMatch(d -> d.contains("large block"))
                    .anyMatch(d -> d.contains("(private")).anyMatch(d -> d.contains("(default"))
                    .contains("Environment block", "Process parameters", "Paging-file section");
            Messages.use(Locale.SIMPLIFIED_CHINESE);
            for (String d : details) {
                String zh = Details.shown(d);
                // what may stay: paths of images, Win32 names, hex addresses, "ID" (线程 ID, as Chinese Windows says)
                String words = zh.replaceAll("[A-Z]:\\\\\\S+", "").replaceAll("0x[0-9a-fA-F]+", "")
                        .replaceAll("\\b(TEB|PEB|KUSER_SHARED_DATA|ID)\\b", "");
                assertThat(words).as(d + " -> " + zh).doesNotContainPattern("[A-Za-z]{2,}");
            }
            Messages.use(Locale.ENGLISH);
            for (String d : details) {
                assertThat(Details.shown(d)).as("English as the simulator says it").isEqualTo(d);
            }
        }
    }

    @Test
    void knownPatternsWithTheirArgumentsAndUnknownDetailsAsTheyAre() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        assertThat(Details.shown("Thread stack (TID 4)")).isEqualTo("线程栈（线程 ID 4）");
        assertThat(Details.shown("Heap 0x00150000 (private, segment 2)")).isEqualTo("堆 0x00150000（私有堆，第 2 段）");
        assertThat(Details.shown("C:\\PageLab\\lib.dll (relocated from 0x10000000)"))
                .isEqualTo("C:\\PageLab\\lib.dll（从 0x10000000 重定位而来）");
        assertThat(Details.shown("Local\\MySharedMemory")).isEqualTo("Local\\MySharedMemory");
        assertThat(Details.shown(null)).isNull();
        for (String key : Details.keys()) {
            assertThat(Messages.get(key)).as(key).doesNotStartWith("!");
        }
    }
}
