package pagelab.app.desktop.playground;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.Allocation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaygroundSessionTest {
    @Test
    void expressionsReadAsCDoes() {
        Map<String, Long> vars = Map.of("p", 0x500000L);
        assertThat(Expressions.eval("MEM_RESERVE | MEM_COMMIT", vars)).isEqualTo(0x3000L);
        assertThat(Expressions.eval("p + 4K", vars)).isEqualTo(0x501000L);
        assertThat(Expressions.eval("0x10000 - 1", vars)).isEqualTo(0xFFFFL);
        assertThat(Expressions.eval("1M", vars)).isEqualTo(1L << 20);
        assertThat(Expressions.eval("-1", vars)).isEqualTo(-1L);
        assertThatThrownBy(() -> Expressions.eval("MEM_RESERVED", vars)).hasMessageContaining("MEM_RESERVED");
        assertThatThrownBy(() -> Expressions.eval("0xZZ", vars)).hasMessageContaining("not a number");
    }

    @Test
    void linesParseIntoCallsWithStringsAndComments() {
        CommandLine c = CommandLine.parse("h = CreateFileMapping(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 64K,"
                + " \"a, b\"); // shared");
        assertThat(c.variable()).isEqualTo("h");
        assertThat(c.function()).isEqualTo("CreateFileMapping");
        assertThat(c.arguments()).containsExactly("INVALID_HANDLE_VALUE", "NULL", "PAGE_READWRITE", "0", "64K",
                "\"a, b\"");
        assertThat(CommandLine.parse("  // nothing")).isNull();
        assertThatThrownBy(() -> CommandLine.parse("VirtualAlloc(")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFreeOrReservedRegionReportsProtectZeroNotABlank() {
        try (PlaygroundSession s = new PlaygroundSession(MachineConfig.x86().seed(1))) {
            s.run("p = VirtualAlloc(NULL, 64K, MEM_RESERVE, PAGE_READWRITE)");
            String reserved = s.run("VirtualQuery(p)").text();
            assertThat(reserved).contains("State = MEM_RESERVE, Protect = 0, Type = MEM_PRIVATE")
                    .doesNotContain("Protect = ,");
            String free = s.run("VirtualQuery(0x7FF00000)").text();
            // Windows reports free pages as PAGE_NOACCESS, and no type.
            assertThat(free).contains("State = MEM_FREE, Protect = PAGE_NOACCESS, Type = 0").doesNotContain("= ,");
        }
    }

    @Test
    void aMisspelledFunctionGetsDidYouMean() {
        try (PlaygroundSession s = new PlaygroundSession(MachineConfig.x86().seed(1))) {
            assertThat(s.run("VirtualAloc(NULL, 64K, MEM_RESERVE, PAGE_READWRITE)").text())
                    .contains("unknown function 'VirtualAloc': did you mean VirtualAlloc?");
            assertThat(s.run("virtualquery(0)").text()).contains("did you mean VirtualQuery?");
            assertThat(s.run("Frobnicate(1)").text()).contains("unknown function 'Frobnicate' (type help");
        }
    }

    @Test
    void reserveCommitWriteAndQueryChangeTheMap() {
        try (PlaygroundSession s = new PlaygroundSession(MachineConfig.x86().seed(1))) {
            // After the process start (step 0 is before its thread, and so its stack, exists).
            int before = s.timeline().snapshotAt(s.timeline().lastStep()).allocations().size();
            PlaygroundSession.Outcome r = s.run("p = VirtualAlloc(NULL, 64K, MEM_RESERVE, PAGE_READWRITE)");
            assertThat(r.ok()).isTrue();
            assertThat(r.text()).startsWith("p = 0x");
            assertThat(s.run("VirtualAlloc(p, 4K, MEM_COMMIT, PAGE_READWRITE)").text()).startsWith("$2 = 0x");
            assertThat(s.run("setInt(p, 42)").text()).isEqualTo("ok");
            assertThat(s.run("getInt(p)").text()).startsWith("$3 = 42");
            assertThat(s.run("VirtualQuery(p)").text()).contains("RegionSize = 0x1000 (4 K)", "State = MEM_COMMIT");
            assertThat(s.run("VirtualProtect(p, 4K, PAGE_READONLY)").text()).contains("lpflOldProtect = PAGE_READWRITE");

            List<Allocation> after = s.timeline().snapshotAt(s.timeline().lastStep()).allocations();
            assertThat(after).hasSize(before + 1);
            assertThat(s.lines()).hasSize(6);
        }
    }

    @Test
    void aByReferenceArgumentWrittenOutCarriesItsValueIn() {
        try (PlaygroundSession s = new PlaygroundSession(MachineConfig.x64().seed(1))) {
            s.run("h = HeapCreate(0, 0, 0)");
            assertThat(s.run("HeapQueryInformation(h, HeapCompatibilityInformation, 4)").text())
                    .contains("TRUE", "HeapInformation = 0");
            assertThat(s.run("HeapSetInformation(h, HeapCompatibilityInformation, 2, 4)").text()).contains("TRUE");
            assertThat(s.run("HeapQueryInformation(h, HeapCompatibilityInformation, 4)").text())
                    .contains("HeapInformation = 2", "ReturnLength = 0x4");
            assertThat(s.run("HeapWalk(h)").text()).contains("TRUE", "REGION 0");
        }
    }

    @Test
    void heapWalkLinesStepThroughTheHeapAsACLoopDoes() {
        try (PlaygroundSession s = new PlaygroundSession(MachineConfig.x86().seed(1))) {
            s.run("h = HeapCreate(0, 0, 0)");
            s.run("a = HeapAlloc(h, 0, 100)");
            assertThat(s.run("HeapWalk(h)").text()).contains("TRUE", "REGION 0");
            assertThat(s.run("HeapWalk(h)").text()).contains("TRUE", "BUSY", "cbData=0x64");
            assertThat(s.run("HeapWalk(h)").text()).contains("TRUE", "FREE");
            assertThat(s.run("HeapWalk(h)").text()).contains("TRUE", "UNCOMMITTED");
            assertThat(s.run("HeapWalk(h)").text()).contains("FALSE", "ERROR_NO_MORE_ITEMS");
            assertThat(s.run("HeapWalk(h)").text()).as("and again from the start").contains("TRUE", "REGION 0");
            s.run("p = GetProcessHeap()");
            assertThat(s.run("HeapWalk(p)").text()).as("another heap, its own walk").contains("TRUE", "REGION 0");
            assertThat(s.run("HeapWalk(h)").text()).as("h's walk went on").contains("TRUE", "BUSY");
        }
    }

    @Test
    void aFaultIsCaughtAndTheProcessLivesOn() {
        try (PlaygroundSession s = new PlaygroundSession(MachineConfig.x86().seed(1))) {
            s.run("p = VirtualAlloc(NULL, 64K, MEM_RESERVE, PAGE_READWRITE)");
            String text = s.run("setInt(p, 1)").text();
            assertThat(text).contains("EXCEPTION_ACCESS_VIOLATION", "writing");
            assertThat(s.run("VirtualFree(p, 0, MEM_RELEASE)").text()).contains("TRUE");
        }
    }

    @Test
    void failedCallsShowTheirLastErrorAndBadLinesSayWhy() {
        try (PlaygroundSession s = new PlaygroundSession(MachineConfig.x86().seed(1))) {
            assertThat(s.run("VirtualFree(0x1234, 0, MEM_RELEASE)").text()).contains("FALSE", "GetLastError() = ERROR_");
            PlaygroundSession.Outcome bad = s.run("VirtualAlloc(NULL, 64K)");
            assertThat(bad.ok()).isFalse();
            assertThat(bad.text()).contains("takes 4 arguments");
            assertThat(s.run("Nope(1)").text()).contains("unknown function");
            assertThat(s.lines()).hasSize(1);
        }
    }

    @Test
    void aSavedSessionReplaysToTheSameMapAndExportsAsJava(@TempDir Path dir) throws Exception {
        List<String> lines = List.of("p = VirtualAlloc(NULL, 128K, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE)",
                "VirtualProtect(p, 4K, PAGE_READWRITE | PAGE_GUARD)");
        Path file = dir.resolve("s.txt");
        var first = new PlaygroundSession(MachineConfig.x64().seed(1));
        lines.forEach(first::run);
        SessionFiles.save(file, first.lines(), true);
        var firstMap = first.timeline().snapshotAt(first.timeline().lastStep()).allocations();
        first.close();

        SessionFiles.Saved saved = SessionFiles.load(file);
        assertThat(saved.is64()).isTrue();
        try (var again = new PlaygroundSession(MachineConfig.x64().seed(1))) {
            saved.lines().forEach(again::run);
            assertThat(again.timeline().snapshotAt(again.timeline().lastStep()).allocations()).isEqualTo(firstMap);
            assertThat(firstMap).anyMatch(a -> a.blocks().stream()
                    .anyMatch(b -> (b.protect() & WinNT.PAGE_GUARD) != 0));
        }
        assertThat(SessionFiles.javaSkeleton(saved.lines()))
                .contains("long p = k.VirtualAlloc(NULL, 128K, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);")
                .contains("k.VirtualProtect(p, 4K, PAGE_READWRITE | PAGE_GUARD, new IntByReference());");
    }
}
