package pagelab.sim.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinError.ERROR_INVALID_PARAMETER;
import static pagelab.kernel.WinNT.HEAP_NO_SERIALIZE;
import static pagelab.kernel.WinNT.HEAP_ZERO_MEMORY;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinProcess;
import pagelab.kernel.inspect.HeapInfo;
import pagelab.sim.machine.SimProcess;

/**
 * The heap's front end: after a run of allocations of one size, freed blocks of that size are kept aside (free to
 * the program, not coalesced) and handed out again last-in first-out; HeapCompact gives them back; heaps that cannot
 * have the LFH on Windows (fixed size, HEAP_NO_SERIALIZE) coalesce every freed block at once.
 */
class LookasideTest {
    private static final long SIZE = 40;
    private Machine machine;
    private WinProcess p;
    private Kernel32 k;

    private void start() {
        machine = Machine.create(MachineConfig.x64().traceCalls(false));
        p = machine.createProcess();
        k = p.kernel32();
    }

    @AfterEach
    void close() {
        machine.close();
    }

    private HeapInfo info(long heap) {
        return p.inspector().heaps().stream().filter(h -> h.handle() == heap).findFirst().orElseThrow();
    }

    private List<Long> allocate(long heap, int count) {
        List<Long> blocks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long b = k.HeapAlloc(heap, 0, SIZE);
            assertThat(b).isNotZero();
            blocks.add(b);
        }
        return blocks;
    }

    @Test
    void aKeptBlocksHeaderOverwrittenAfterFreeStaysDamagedWhenItIsHandedOutAgain() {
        start();
        long heap = k.HeapCreate(0, 0, 0);
        allocate(heap, Lookaside.ACTIVATION).forEach(b -> k.HeapFree(heap, 0, b)); // the size is on the front end now
        long a = k.HeapAlloc(heap, 0, SIZE);
        assertThat(k.HeapFree(heap, 0, a)).isTrue();
        p.memory().setLong(a - 8, 0x1234L); // a write through a dangling pointer hits the kept block's header
        long again = k.HeapAlloc(heap, 0, SIZE);
        assertThat(again).as("LIFO: the same block").isEqualTo(a);
        assertThat(k.HeapValidate(heap, 0, again)).as("not repaired by the reuse").isFalse();
        assertThat(k.HeapFree(heap, 0, again)).isFalse();
        assertThat(k.GetLastError()).isEqualTo(pagelab.kernel.WinError.ERROR_INVALID_PARAMETER);
    }

    @Test
    void aFewBlocksCoalesceAtOnce() {
        start();
        long heap = k.HeapCreate(0, 0, 0);
        List<Long> blocks = allocate(heap, Lookaside.ACTIVATION - 1);
        blocks.forEach(b -> assertThat(k.HeapFree(heap, 0, b)).isTrue());
        assertThat(info(heap).freeBlocks()).as("everything merged back into the segment's free tail").isEqualTo(1);
    }

    @Test
    void aPopularSizeIsKeptAsideAndReusedLastInFirstOut() {
        start();
        long heap = k.HeapCreate(0, 0, 0);
        List<Long> blocks = allocate(heap, 40);
        int before = info(heap).freeBlocks();
        long a = blocks.get(10);
        long b = blocks.get(20);
        assertThat(k.HeapFree(heap, 0, a)).isTrue();
        assertThat(k.HeapFree(heap, 0, b)).isTrue();

        HeapInfo kept = info(heap);
        assertThat(kept.freeBlocks()).as("kept blocks count as free").isEqualTo(before + 2);
        assertThat(kept.busyBlocks()).isEqualTo(38);
        assertThat(k.HeapValidate(heap, 0, 0)).as("their headers say free, as the heap recorded").isTrue();
        assertThat(k.HeapFree(heap, 0, a)).as("a kept block is not the program's to free again").isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_PARAMETER);
        assertThat(k.HeapSize(heap, 0, a)).isEqualTo(-1);

        assertThat(k.HeapAlloc(heap, 0, SIZE)).as("last in, first out").isEqualTo(b);
        assertThat(k.HeapAlloc(heap, 0, SIZE)).isEqualTo(a);
        assertThat(k.HeapSize(heap, 0, a)).isEqualTo(SIZE);
    }

    @Test
    void aKeptBlockIsZeroedWhenAskedFor() {
        start();
        long heap = k.GetProcessHeap();
        List<Long> blocks = allocate(heap, 30);
        long a = blocks.get(29);
        byte[] junk = new byte[(int) SIZE];
        java.util.Arrays.fill(junk, (byte) 0x5A);
        p.memory().write(a, junk, 0, junk.length);
        k.HeapFree(heap, 0, a);
        long again = k.HeapAlloc(heap, HEAP_ZERO_MEMORY, SIZE);
        assertThat(again).isEqualTo(a);
        byte[] data = new byte[(int) SIZE];
        p.memory().read(again, data, 0, data.length);
        assertThat(data).containsOnly((byte) 0);
    }

    @Test
    void heapCompactGivesKeptBlocksBack() {
        start();
        long heap = k.HeapCreate(0, 0, 0);
        List<Long> blocks = allocate(heap, 40);
        blocks.forEach(b -> assertThat(k.HeapFree(heap, 0, b)).isTrue());
        assertThat(info(heap).freeBlocks()).as("up to DEPTH kept aside, each a free block").isGreaterThan(1);
        assertThat(k.HeapCompact(heap, 0)).isPositive();
        HeapInfo after = info(heap);
        assertThat(after.freeBlocks()).as("all coalesced").isEqualTo(1);
        assertThat(after.busyBlocks()).isZero();
        assertThat(k.HeapValidate(heap, 0, 0)).isTrue();
    }

    @Test
    void noFrontEndForHeapsThatCannotHaveTheLfh() {
        start();
        long unserialised = k.HeapCreate(HEAP_NO_SERIALIZE, 0, 0);
        long fixed = k.HeapCreate(0, 0x10000, 0x40000);
        for (long heap : new long[] {unserialised, fixed}) {
            List<Long> blocks = allocate(heap, 40);
            blocks.forEach(b -> assertThat(k.HeapFree(heap, 0, b)).isTrue());
            assertThat(info(heap).freeBlocks()).as("heap %#x coalesces every freed block", heap).isEqualTo(1);
        }
    }

    @Test
    void keptBlocksAreShownFreeBlockByBlock() {
        start();
        long heap = k.HeapCreate(0, 0, 0);
        List<Long> blocks = allocate(heap, 30);
        k.HeapFree(heap, 0, blocks.get(5));
        SimHeaps heaps = (SimHeaps) ((SimProcess) p).heaps();
        HeapBlockInfo shown = heaps.heapBlocks(heap).stream().filter(b -> b.address() == blocks.get(5)).findFirst()
                .orElseThrow();
        assertThat(shown.busy()).isFalse();
    }
}
