package pagelab.sim.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinError.ERROR_INVALID_PARAMETER;
import static pagelab.kernel.WinError.ERROR_NOACCESS;
import static pagelab.kernel.WinNT.MEM_COMMIT;
import static pagelab.kernel.WinNT.MEM_DECOMMIT;
import static pagelab.kernel.WinNT.MEM_RELEASE;
import static pagelab.kernel.WinNT.MEM_RESERVE;
import static pagelab.kernel.WinNT.PAGE_NOACCESS;
import static pagelab.kernel.WinNT.PAGE_READWRITE;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.Memory;
import pagelab.kernel.WinProcess;

/**
 * A heap lives in the program's own memory: writing past a block damages the next header, and the heap notices
 * it the way Windows does (HeapValidate FALSE, HeapFree FALSE with ERROR_INVALID_PARAMETER), without the
 * simulator itself ever breaking.
 */
class HeapCorruptionTest {

    private static Machine machine(boolean x64) {
        return Machine.create((x64 ? MachineConfig.x64() : MachineConfig.x86()).traceCalls(false));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anOverrunPastABlockMakesHeapValidateFail(boolean x64) {
        try (Machine m = machine(x64)) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            Memory mem = p.memory();
            long heap = k.HeapCreate(0, 0, 0);
            long a = k.HeapAlloc(heap, 0, 32);
            long b = k.HeapAlloc(heap, 0, 32);
            assertThat(k.HeapValidate(heap, 0, 0)).isTrue();
            // strcpy of a 40-character string into a 32-byte buffer: the bytes land on b's header.
            mem.setString(a, "0123456789012345678901234567890123456789");
            assertThat(k.HeapValidate(heap, 0, 0)).isFalse();
            assertThat(k.HeapValidate(heap, 0, a)).as("a's own header is intact").isTrue();
            assertThat(k.HeapValidate(heap, 0, b)).isFalse();
            k.SetLastError(0xDEADBEEF);
            assertThat(k.HeapFree(heap, 0, b)).isFalse();
            assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_PARAMETER);
            assertThat(k.HeapSize(heap, 0, b)).isEqualTo(-1);
            assertThat(k.HeapFree(heap, 0, a)).as("freeing the culprit still works").isTrue();
            assertThat(k.HeapDestroy(heap)).as("a damaged heap can still be destroyed").isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anUnderrunIntoTheBlocksOwnHeaderIsSeen(boolean x64) {
        try (Machine m = machine(x64)) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            long heap = k.GetProcessHeap();
            long a = k.HeapAlloc(heap, 0, 16);
            p.memory().setByte(a - 1, (byte) 0x77);
            assertThat(k.HeapValidate(heap, 0, a)).isFalse();
            assertThat(k.HeapFree(heap, 0, a)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void overwritingAFreeBlocksHeaderIsSeenByHeapValidate(boolean x64) {
        try (Machine m = machine(x64)) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            long heap = k.HeapCreate(0, 0, 0);
            long a = k.HeapAlloc(heap, 0, 64);
            long b = k.HeapAlloc(heap, 0, 64);
            k.HeapAlloc(heap, 0, 64);
            k.HeapFree(heap, 0, b);
            p.memory().setMemory(a, 64 + 4, (byte) 0); // use of a's neighbour after free, or an overrun by 4
            assertThat(k.HeapValidate(heap, 0, 0)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void overwritingTheHeapHeaderIsSeen(boolean x64) {
        try (Machine m = machine(x64)) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            long heap = k.HeapCreate(0, 0, 0);
            p.memory().setInt(heap + (x64 ? 16 : 8), 0);
            assertThat(k.HeapValidate(heap, 0, 0)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aHeapPageTheProgramDecommittedGivesNoAccessNotACrash(boolean x64) {
        try (Machine m = machine(x64)) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            long heap = k.HeapCreate(0, 0x10000, 0);
            long a = k.HeapAlloc(heap, 0, 16);
            long page = a & ~0xFFFL;
            assertThat(k.VirtualProtect(page, 1, PAGE_NOACCESS, new IntByReference())).isTrue();
            assertThat(k.HeapValidate(heap, 0, a)).isFalse();
            k.SetLastError(0xDEADBEEF);
            assertThat(k.HeapFree(heap, 0, a)).isFalse();
            assertThat(k.GetLastError()).isEqualTo(ERROR_NOACCESS);
            assertThat(k.VirtualFree(page, 0x1000, MEM_DECOMMIT)).isTrue();
            assertThat(k.HeapAlloc(heap, 0, 16)).as("no crash; Windows would fault here").isZero();
            assertThat(k.HeapDestroy(heap)).isTrue();
        }
    }

    /**
     * A block keeps its header page's frame between calls (a TLB entry per block). A protection change in between
     * must reach it: the front end's HeapAlloc/HeapFree pair then fails with ERROR_NOACCESS like the back end's,
     * and works again once the page is readable and writable.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theFrontEndSeesAProtectionChangeBetweenTwoCalls(boolean x64) {
        try (Machine m = machine(x64)) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            long heap = k.GetProcessHeap();
            for (int i = 0; i < Lookaside.ACTIVATION + 2; i++) { // the front end takes this size from now on
                assertThat(k.HeapFree(heap, 0, k.HeapAlloc(heap, 0, 40))).isTrue();
            }
            long a = k.HeapAlloc(heap, 0, 40);
            assertThat(k.HeapFree(heap, 0, a)).isTrue();
            long again = k.HeapAlloc(heap, 0, 40);
            assertThat(again).as("the kept block comes back").isEqualTo(a);
            long page = a & ~0xFFFL;
            IntByReference old = new IntByReference();
            assertThat(k.VirtualProtect(page, 1, PAGE_NOACCESS, old)).isTrue();
            k.SetLastError(0);
            assertThat(k.HeapFree(heap, 0, a)).isFalse();
            assertThat(k.GetLastError()).isEqualTo(ERROR_NOACCESS);
            assertThat(k.VirtualProtect(page, 1, old.getValue(), old)).isTrue();
            assertThat(k.HeapFree(heap, 0, a)).isTrue();
            assertThat(k.HeapAlloc(heap, 0, 40)).isEqualTo(a);
            assertThat(k.HeapValidate(heap, 0, 0)).isTrue();
        }
    }

    /**
     * Heap pages go to the paging file and come back like any other: with 4 MiB of RAM and 8 MiB written
     * elsewhere, every block still holds its bytes, every header still checks, and the heap's pages were read back
     * from the paging file (the blocks' cached frames were dropped with the pages and found again).
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void heapPagesSurviveThePagingFile(boolean x64) {
        MachineConfig config = (x64 ? MachineConfig.x64() : MachineConfig.x86()).traceCalls(false)
                .ramBytes(4L << 20).pageFileBytes(32L << 20);
        try (Machine m = Machine.create(config)) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            Memory mem = p.memory();
            long heap = k.GetProcessHeap();
            long[] blocks = new long[400];
            for (int i = 0; i < blocks.length; i++) { // 400 blocks of 1 KiB: about 100 pages of heap
                blocks[i] = k.HeapAlloc(heap, 0, 1000);
                assertThat(blocks[i]).isNotZero();
                mem.setInt(blocks[i], i * 31 + 7);
            }
            long other = k.VirtualAlloc(0, 8L << 20, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
            for (long off = 0; off < 8L << 20; off += 0x1000) {
                mem.setInt(other + off, 1);
            }
            long readsBefore = m.inspector().counters().pageFileReads();
            assertThat(k.HeapValidate(heap, 0, 0)).isTrue();
            assertThat(m.inspector().counters().pageFileReads()).as("heap pages came back").isGreaterThan(readsBefore);
            for (int i = 0; i < blocks.length; i++) {
                assertThat(mem.getInt(blocks[i])).isEqualTo(i * 31 + 7);
                assertThat(k.HeapSize(heap, 0, blocks[i])).isEqualTo(1000);
            }
            for (long b : blocks) {
                assertThat(k.HeapFree(heap, 0, b)).isTrue();
            }
            assertThat(k.HeapValidate(heap, 0, 0)).isTrue();
            assertThat(k.VirtualFree(other, 0, MEM_RELEASE)).isTrue();
        }
    }
}
