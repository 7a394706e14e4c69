package pagelab.sim.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinError.ERROR_NOT_ENOUGH_MEMORY;
import static pagelab.kernel.WinNT.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pagelab.kernel.Kernel32;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinProcess;
import pagelab.kernel.inspect.Allocation;
import pagelab.kernel.inspect.HeapInfo;
import pagelab.sim.machine.SimProcess;

/** Fixed-size and growable heaps, large blocks, HeapCompact, commit accounting and what the inspector sees. */
class HeapLimitsTest {
    private Machine machine;
    private WinProcess p;
    private Kernel32 k;

    private void start(MachineConfig config) {
        machine = Machine.create(config.traceCalls(false));
        p = machine.createProcess();
        k = p.kernel32();
    }

    @AfterEach
    void close() {
        machine.close();
    }

    private SimHeaps heaps() {
        return (SimHeaps) ((SimProcess) p).heaps();
    }

    private long privateBytes() {
        return p.inspector().counters().privateCommitBytes();
    }

    @Test
    void aFixedHeapFailsWithNotEnoughMemoryWhenFull() {
        start(MachineConfig.x86());
        long heap = k.HeapCreate(0, 0x1000, 0x10000);
        List<Long> blocks = new ArrayList<>();
        long a;
        while ((a = k.HeapAlloc(heap, 0, 1000)) != 0) {
            blocks.add(a);
        }
        assertThat(k.GetLastError()).isEqualTo(ERROR_NOT_ENOUGH_MEMORY);
        assertThat(blocks.size()).isBetween(50, 65);
        MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
        k.VirtualQuery(heap, mbi);
        assertThat(mbi.RegionSize).as("the whole reservation got committed").isEqualTo(0x10000);
        assertThat(k.HeapFree(heap, 0, blocks.get(3))).isTrue();
        assertThat(k.HeapAlloc(heap, 0, 1000)).as("a freed block is reused").isEqualTo(blocks.get(3));
    }

    @Test
    void aFixedHeapRefusesBlocksAboveTheLargestBlockSize() {
        start(MachineConfig.x86());
        long heap = k.HeapCreate(0, 0, 0x200000);
        assertThat(k.HeapAlloc(heap, 0, 0x7FFF8 - 8)).as("largest block on x86").isNotZero();
        k.SetLastError(0xDEADBEEF);
        assertThat(k.HeapAlloc(heap, 0, 0x7FFF8)).isZero();
        assertThat(k.GetLastError()).isEqualTo(ERROR_NOT_ENOUGH_MEMORY);
    }

    @Test
    void aGrowableHeapGivesLargeBlocksTheirOwnRegion() {
        start(MachineConfig.x86());
        long heap = k.HeapCreate(0, 0, 0);
        long big = k.HeapAlloc(heap, 0, 0x100000);
        assertThat(big).isNotZero();
        MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
        k.VirtualQuery(big, mbi);
        assertThat(mbi.AllocationBase).isNotEqualTo(heap);
        assertThat(mbi.State).isEqualTo(MEM_COMMIT);
        assertThat(heaps().heapInfos().get(1).largeBlocks()).isEqualTo(1);
        long before = privateBytes();
        assertThat(k.HeapFree(heap, 0, big)).isTrue();
        assertThat(before - privateBytes()).as("the region is released").isGreaterThanOrEqualTo(0x100000);
        k.VirtualQuery(big, mbi);
        assertThat(mbi.State).isEqualTo(MEM_FREE);
    }

    @Test
    void aGrowableHeapAddsSegmentsWhenItsReservationIsFull() {
        start(MachineConfig.x86());
        long heap = k.HeapCreate(0, 0, 0);
        for (int i = 0; i < 64; i++) {
            assertThat(k.HeapAlloc(heap, 0, 0x4000)).isNotZero();
        }
        HeapInfo info = heaps().heapInfos().get(1);
        assertThat(info.segments()).isGreaterThan(1);
        assertThat(info.busyBlocks()).isEqualTo(64);
        assertThat(info.busyBytes()).isEqualTo(64 * 0x4000);
        assertThat(k.HeapValidate(heap, 0, 0)).isTrue();
    }

    @Test
    void commitGrowsIn64KStepsAndDestroyReturnsItToTheBaseline() {
        start(MachineConfig.x86());
        long baseline = privateBytes();
        long heap = k.HeapCreate(0, 0, 0);
        assertThat(privateBytes() - baseline).as("one page committed").isEqualTo(0x1000);
        k.HeapAlloc(heap, 0, 0x2000);
        // One 64 KiB step, capped by the 64 KiB first segment: the whole segment is committed now.
        assertThat(privateBytes() - baseline).as("grown by one step").isEqualTo(0x10000);
        k.HeapAlloc(heap, 0, 0x10000);
        assertThat(privateBytes() - baseline).as("a second segment").isGreaterThan(0x20000);
        k.HeapAlloc(heap, 0, 0x200000);
        assertThat(k.HeapDestroy(heap)).isTrue();
        assertThat(privateBytes()).isEqualTo(baseline);
    }

    @Test
    void heapCompactDecommitsTheFreeTailAndReturnsTheLargestFreeBlock() {
        start(MachineConfig.x86());
        long heap = k.HeapCreate(0, 0, 0x100000);
        long a = k.HeapAlloc(heap, 0, 100);
        long b = k.HeapAlloc(heap, 0, 0x30000);
        long before = privateBytes();
        k.HeapFree(heap, 0, b);
        long largest = k.HeapCompact(heap, 0);
        assertThat(largest).isPositive().isLessThan(0x1000);
        assertThat(before - privateBytes()).isGreaterThanOrEqualTo(0x30000);
        assertThat(heaps().heapInfos().get(1).largestFree()).isEqualTo(largest);
        assertThat(k.HeapValidate(heap, 0, a)).isTrue();
        assertThat(k.HeapAlloc(heap, 0, 0x30000)).as("the heap grows again").isNotZero();
        assertThat(k.HeapValidate(heap, 0, 0)).isTrue();
    }

    @Test
    void theMemoryMapNamesHeapRegions() {
        start(MachineConfig.x86());
        long heap = k.HeapCreate(0, 0, 0);
        long big = k.HeapAlloc(heap, 0, 0x100000);
        List<String> details = new ArrayList<>();
        for (Allocation a : p.inspector().snapshot().allocations()) {
            details.add(a.detail());
        }
        assertThat(details).contains(String.format("Heap %#010x (default)", k.GetProcessHeap()),
                String.format("Heap %#010x (private)", heap),
                String.format("Heap %#010x (private, large block)", heap));
        assertThat(big).isNotZero();
    }

    @Test
    void theInspectorSummaryShowsFragmentation() {
        start(MachineConfig.x86());
        long heap = k.HeapCreate(0, 0x10000, 0);
        List<Long> blocks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            blocks.add(k.HeapAlloc(heap, 0, 200));
        }
        for (int i = 0; i < 40; i += 2) {
            k.HeapFree(heap, 0, blocks.get(i));
        }
        HeapInfo info = heaps().heapInfos().get(1);
        assertThat(info.handle()).isEqualTo(heap);
        assertThat(info.busyBlocks()).isEqualTo(20);
        assertThat(info.freeBlocks()).isEqualTo(21); // 20 holes and the tail
        assertThat(info.fragmentation()).isPositive();
        List<HeapBlockInfo> map = heaps().heapBlocks(heap);
        assertThat(map).hasSize(41);
        assertThat(map.get(0).busy()).isFalse();
        assertThat(map.get(1).busy()).isTrue();
        assertThat(map.get(1).requested()).isEqualTo(200);
    }

    @Test
    void x64LargestFixedBlockIsTwiceAsBig() {
        start(MachineConfig.x64());
        long heap = k.HeapCreate(0, 0, 0x400000);
        assertThat(k.HeapAlloc(heap, 0, 0xFFFF0 - 16)).isNotZero();
        assertThat(k.HeapAlloc(heap, 0, 0xFFFF0)).isZero();
        assertThat(k.HeapAlloc(heap, 0, 0x10000) % 16).isZero();
    }
}
