package pagelab.sim.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinError.ERROR_INVALID_PARAMETER;
import static pagelab.kernel.WinError.ERROR_NOACCESS;
import static pagelab.kernel.WinNT.MEM_DECOMMIT;
import static pagelab.kernel.WinNT.PAGE_NOACCESS;

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
}
