package pagelab.sim.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinError.ERROR_INVALID_PARAMETER;
import static pagelab.kernel.WinError.ERROR_NOT_ENOUGH_MEMORY;
import static pagelab.kernel.WinNT.HEAP_REALLOC_IN_PLACE_ONLY;
import static pagelab.kernel.WinNT.HEAP_ZERO_MEMORY;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.Memory;
import pagelab.kernel.WinProcess;

/** HeapReAlloc: growing, shrinking, moving, in place only, contents kept, HEAP_ZERO_MEMORY on the grown part. */
class HeapReAllocTest {
    private Machine machine;
    private Kernel32 k;
    private Memory mem;
    private long heap;

    @BeforeEach
    void start() {
        machine = Machine.create(MachineConfig.x86().traceCalls(false));
        WinProcess p = machine.createProcess();
        k = p.kernel32();
        mem = p.memory();
        heap = k.HeapCreate(0, 0, 0);
    }

    @AfterEach
    void close() {
        machine.close();
    }

    private void pattern(long a, int n, int seed) {
        for (int i = 0; i < n; i++) {
            mem.setByte(a + i, (byte) (seed + i));
        }
    }

    private void assertPattern(long a, int n, int seed) {
        for (int i = 0; i < n; i++) {
            assertThat(mem.getByte(a + i)).as("byte %d at %#x", i, a + i).isEqualTo((byte) (seed + i));
        }
    }

    @Test
    void shrinkingKeepsTheAddressAndTheContents() {
        long a = k.HeapAlloc(heap, 0, 200);
        pattern(a, 200, 3);
        assertThat(k.HeapReAlloc(heap, 0, a, 50)).isEqualTo(a);
        assertThat(k.HeapSize(heap, 0, a)).isEqualTo(50);
        assertPattern(a, 50, 3);
        assertThat(k.HeapValidate(heap, 0, 0)).isTrue();
    }

    @Test
    void growingIntoAFreeNeighbourStaysInPlace() {
        long a = k.HeapAlloc(heap, 0, 64);
        long b = k.HeapAlloc(heap, 0, 256);
        long c = k.HeapAlloc(heap, 0, 8);
        pattern(a, 64, 9);
        k.HeapFree(heap, 0, b);
        assertThat(k.HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY, a, 300)).isEqualTo(a);
        assertThat(k.HeapSize(heap, 0, a)).isEqualTo(300);
        assertPattern(a, 64, 9);
        assertThat(k.HeapValidate(heap, 0, c)).isTrue();
    }

    @Test
    void inPlaceOnlyFailsWithNotEnoughMemoryWhenTheNeighbourIsBusy() {
        long a = k.HeapAlloc(heap, 0, 64);
        k.HeapAlloc(heap, 0, 64);
        pattern(a, 64, 1);
        k.SetLastError(0xDEADBEEF);
        assertThat(k.HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY, a, 1000)).isZero();
        assertThat(k.GetLastError()).isEqualTo(ERROR_NOT_ENOUGH_MEMORY);
        assertThat(k.HeapSize(heap, 0, a)).as("the block is untouched").isEqualTo(64);
        assertPattern(a, 64, 1);
    }

    @Test
    void growingPastABusyNeighbourMovesTheBlockAndKeepsItsContents() {
        long a = k.HeapAlloc(heap, 0, 64);
        long b = k.HeapAlloc(heap, 0, 64);
        pattern(a, 64, 7);
        long moved = k.HeapReAlloc(heap, 0, a, 5000);
        assertThat(moved).isNotZero().isNotEqualTo(a);
        assertPattern(moved, 64, 7);
        assertThat(k.HeapSize(heap, 0, moved)).isEqualTo(5000);
        assertThat(k.HeapValidate(heap, 0, a)).as("the old block is free").isFalse();
        assertThat(k.HeapValidate(heap, 0, b)).isTrue();
    }

    @Test
    void heapZeroMemoryZeroesOnlyTheGrownPart() {
        long a = k.HeapAlloc(heap, 0, 100);
        pattern(a, 100, 5);
        long b = k.HeapAlloc(heap, 0, 16);
        pattern(b, 16, 0x40);
        long grown = k.HeapReAlloc(heap, HEAP_ZERO_MEMORY, a, 3000);
        assertPattern(grown, 100, 5);
        for (int i = 100; i < 3000; i++) {
            assertThat(mem.getByte(grown + i)).as("byte %d", i).isZero();
        }
        // Shrink and grow back in place: the bytes past the new end are zeroed again.
        assertThat(k.HeapReAlloc(heap, 0, grown, 10)).isEqualTo(grown);
        assertThat(k.HeapReAlloc(heap, HEAP_ZERO_MEMORY | HEAP_REALLOC_IN_PLACE_ONLY, grown, 100)).isEqualTo(grown);
        assertPattern(grown, 10, 5);
        for (int i = 10; i < 100; i++) {
            assertThat(mem.getByte(grown + i)).isZero();
        }
        assertPattern(b, 16, 0x40);
    }

    @Test
    void growingTheLastBlockCommitsMoreOfTheSegmentInPlace() {
        long a = k.HeapAlloc(heap, 0, 16);
        long grown = k.HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY, a, 0x9000);
        assertThat(grown).isEqualTo(a);
        mem.setByte(a + 0x8FFF, (byte) 1);
        assertThat(k.HeapValidate(heap, 0, 0)).isTrue();
    }

    @Test
    void reallocOfNullReturnsNullAndAFreedBlockIsAnInvalidParameter() {
        assertThat(k.HeapReAlloc(heap, 0, 0, 10)).isZero();
        long a = k.HeapAlloc(heap, 0, 10);
        k.HeapFree(heap, 0, a);
        k.SetLastError(0xDEADBEEF);
        assertThat(k.HeapReAlloc(heap, 0, a, 20)).isZero();
        assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_PARAMETER);
    }

    @Test
    void reallocToAHugeSizeFailsAndKeepsTheBlock() {
        long a = k.HeapAlloc(heap, 0, 10);
        k.SetLastError(0xDEADBEEF);
        assertThat(k.HeapReAlloc(heap, 0, a, -8)).isZero();
        assertThat(k.GetLastError()).isEqualTo(ERROR_NOT_ENOUGH_MEMORY);
        assertThat(k.HeapSize(heap, 0, a)).isEqualTo(10);
    }

    @Test
    void largeBlocksGrowInTheirRegionAndMoveWhenItIsFull() {
        long a = k.HeapAlloc(heap, 0, 0x100000);
        pattern(a, 256, 11);
        assertThat(k.HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY, a, 0x100010)).isEqualTo(a);
        assertThat(k.HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY, a, 0x200000)).isZero();
        long moved = k.HeapReAlloc(heap, 0, a, 0x200000);
        assertThat(moved).isNotZero().isNotEqualTo(a);
        assertPattern(moved, 256, 11);
        assertThat(k.HeapSize(heap, 0, moved)).isEqualTo(0x200000);
        long small = k.HeapReAlloc(heap, 0, moved, 100);
        assertThat(small).isEqualTo(moved);
        assertThat(k.HeapValidate(heap, 0, 0)).isTrue();
    }
}
