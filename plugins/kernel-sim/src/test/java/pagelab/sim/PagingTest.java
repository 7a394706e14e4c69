package pagelab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinNT.*;

import org.junit.jupiter.api.Test;
import pagelab.kernel.Kernel32;
import pagelab.kernel.MEMORYSTATUSEX;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.Memory;
import pagelab.kernel.WinProcess;
import pagelab.kernel.inspect.MachineCounters;

/** Chapter 13/14 physical storage: RAM frames, the paging file, hard faults, MEM_RESET's saved writes. */
class PagingTest {
    private static final int PAGE = 4096;

    private static Machine smallMachine() {
        return Machine.create(MachineConfig.x86().ramBytes(4L << 20).pageFileBytes(16L << 20));
    }

    @Test
    void pagesBeyondRamGoToThePagingFileAndComeBackIntact() {
        try (Machine m = smallMachine()) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            Memory mem = p.memory();
            int pages = 2048; // 8 MiB through 4 MiB of RAM
            long base = k.VirtualAlloc(0, (long) pages * PAGE, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
            for (int i = 0; i < pages; i++) {
                mem.setInt(base + (long) i * PAGE, i * 7 + 1);
            }
            MachineCounters c = m.inspector().counters();
            assertThat(c.physicalInUseBytes()).isLessThanOrEqualTo(4L << 20);
            assertThat(c.pageFileWrites()).isGreaterThan(0);
            for (int i = 0; i < pages; i++) {
                assertThat(mem.getInt(base + (long) i * PAGE)).isEqualTo(i * 7 + 1);
            }
            assertThat(m.inspector().counters().pageFileReads()).isGreaterThan(0);
            assertThat(p.inspector().counters().hardFaults()).isGreaterThan(0);
            MEMORYSTATUSEX ms = new MEMORYSTATUSEX();
            assertThat(k.GlobalMemoryStatusEx(ms)).isTrue();
            assertThat(ms.ullTotalPhys).isEqualTo(4L << 20);
            assertThat(ms.ullAvailPhys).isLessThan(ms.ullTotalPhys);
            assertThat(k.VirtualFree(base, 0, MEM_RELEASE)).isTrue();
            // Only the process's own small regions (stack, heap, PEB...) may still have pages out there.
            assertThat(m.inspector().counters().pageFileInUseBytes()).isLessThan(16L * PAGE);
        }
    }

    @Test
    void resetPagesAreDroppedWithoutPagingFileWrites() {
        long withoutReset = writesAfterPressure(false);
        long withReset = writesAfterPressure(true);
        assertThat(withReset).isLessThan(withoutReset);
    }

    private static long writesAfterPressure(boolean reset) {
        try (Machine m = smallMachine()) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            long cache = k.VirtualAlloc(0, 512L * PAGE, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
            for (int i = 0; i < 512; i++) {
                p.memory().setInt(cache + (long) i * PAGE, 1);
            }
            if (reset) {
                assertThat(k.VirtualAlloc(cache, 512L * PAGE, MEM_RESET, PAGE_NOACCESS)).isEqualTo(cache);
            }
            long other = k.VirtualAlloc(0, 1536L * PAGE, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
            for (int i = 0; i < 1536; i++) {
                p.memory().setInt(other + (long) i * PAGE, 2);
            }
            return m.inspector().counters().pageFileWrites();
        }
    }
}
