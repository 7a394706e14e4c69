package pagelab.sim.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinError.ERROR_INVALID_HANDLE;
import static pagelab.kernel.WinError.ERROR_INVALID_PARAMETER;
import static pagelab.kernel.WinError.ERROR_NOACCESS;
import static pagelab.kernel.WinError.ERROR_NOT_LOCKED;
import static pagelab.kernel.WinError.ERROR_NO_MORE_ITEMS;
import static pagelab.kernel.WinNT.HEAP_NO_SERIALIZE;
import static pagelab.kernel.WinNT.INFINITE;
import static pagelab.kernel.WinNT.PROCESS_HEAP_ENTRY_BUSY;
import static pagelab.kernel.WinNT.PROCESS_HEAP_REGION;
import static pagelab.kernel.WinNT.PROCESS_HEAP_UNCOMMITTED_RANGE;
import static pagelab.kernel.WinNT.WAIT_OBJECT_0;
import static pagelab.kernel.WinNT.WAIT_TIMEOUT;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.PROCESS_HEAP_ENTRY;
import pagelab.kernel.WinProcess;

/**
 * HeapWalk, HeapLock and HeapUnlock (chapter 18's "other heap functions"), with the entry layout and the locking
 * that Wine's kernel32 heap tests establish on Windows.
 */
class HeapWalkAndLockTest {
    private Machine machine;
    private WinProcess p;
    private Kernel32 k;

    private void start(boolean x64) {
        machine = Machine.create((x64 ? MachineConfig.x64() : MachineConfig.x86()).traceCalls(false));
        p = machine.createProcess();
        k = p.kernel32();
    }

    @AfterEach
    void close() {
        if (machine != null) {
            machine.close();
        }
    }

    private List<PROCESS_HEAP_ENTRY> walk(long heap) {
        List<PROCESS_HEAP_ENTRY> out = new ArrayList<>();
        PROCESS_HEAP_ENTRY e = new PROCESS_HEAP_ENTRY();
        while (k.HeapWalk(heap, e)) {
            PROCESS_HEAP_ENTRY copy = new PROCESS_HEAP_ENTRY();
            copy.lpData = e.lpData;
            copy.cbData = e.cbData;
            copy.cbOverhead = e.cbOverhead;
            copy.iRegionIndex = e.iRegionIndex;
            copy.wFlags = e.wFlags;
            copy.Region.dwCommittedSize = e.Region.dwCommittedSize;
            copy.Region.dwUnCommittedSize = e.Region.dwUnCommittedSize;
            copy.Region.lpFirstBlock = e.Region.lpFirstBlock;
            copy.Region.lpLastBlock = e.Region.lpLastBlock;
            out.add(copy);
            assertThat(out.size()).as("walk ends").isLessThan(10_000);
        }
        assertThat(k.GetLastError()).isEqualTo(ERROR_NO_MORE_ITEMS);
        return out;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aFreshHeapIsARegionOneFreeBlockAndItsUncommittedRest(boolean x64) {
        start(x64);
        int ptr = x64 ? 8 : 4;
        long heap = k.HeapCreate(0, 0, 0);
        List<PROCESS_HEAP_ENTRY> e = walk(heap);
        assertThat(e).hasSize(3);

        PROCESS_HEAP_ENTRY region = e.get(0);
        assertThat(region.wFlags).isEqualTo(PROCESS_HEAP_REGION);
        assertThat(region.lpData).isEqualTo(heap);
        assertThat(region.cbData).isBetween(1, 0x1000);
        assertThat(region.iRegionIndex).isZero();
        assertThat(region.Region.dwCommittedSize + region.Region.dwUnCommittedSize).isEqualTo(0x10000);
        assertThat(region.Region.lpFirstBlock).isEqualTo(region.lpData + region.cbData + 2L * ptr);

        PROCESS_HEAP_ENTRY free = e.get(1);
        assertThat(free.wFlags).isZero();
        assertThat(free.lpData).isEqualTo(region.Region.lpFirstBlock);
        assertThat(free.cbData).isPositive();
        assertThat(free.cbOverhead).isEqualTo(2 * ptr);

        PROCESS_HEAP_ENTRY uncommitted = e.get(2);
        assertThat(uncommitted.wFlags).isEqualTo(PROCESS_HEAP_UNCOMMITTED_RANGE);
        assertThat(uncommitted.lpData).isEqualTo(heap + region.Region.dwCommittedSize);
        assertThat(uncommitted.lpData).isEqualTo(free.lpData + free.cbData);
        assertThat(uncommitted.cbData).isEqualTo(region.Region.dwUnCommittedSize);
        assertThat(region.Region.lpLastBlock).isEqualTo(uncommitted.lpData + uncommitted.cbData);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void busyBlocksReportTheBytesAskedForAndLargeOnesRegion64(boolean x64) {
        start(x64);
        int ptr = x64 ? 8 : 4;
        long heap = k.HeapCreate(0, 0, 0);
        long a = k.HeapAlloc(heap, 0, 123);
        long b = k.HeapAlloc(heap, 0, 456);
        long big = k.HeapAlloc(heap, 0, 0x100000);
        List<PROCESS_HEAP_ENTRY> e = walk(heap);
        assertThat(e).hasSize(6);

        assertThat(e.get(1).wFlags).isEqualTo(PROCESS_HEAP_ENTRY_BUSY);
        assertThat(e.get(1).lpData).isEqualTo(a);
        assertThat(e.get(1).cbData).isEqualTo(123);
        assertThat(e.get(1).cbOverhead).isNotZero();
        assertThat(e.get(2).lpData).as("the next block's data follows the overhead and its header")
                .isEqualTo(a + 123 + e.get(1).cbOverhead + 2L * ptr);
        assertThat(e.get(2).lpData).isEqualTo(b);
        assertThat(e.get(2).cbData).isEqualTo(456);
        assertThat(e.get(3).wFlags).isZero();
        assertThat(e.get(4).wFlags).isEqualTo(PROCESS_HEAP_UNCOMMITTED_RANGE);

        PROCESS_HEAP_ENTRY large = e.get(5);
        assertThat(large.wFlags).isEqualTo(PROCESS_HEAP_ENTRY_BUSY);
        assertThat(large.lpData).isEqualTo(big);
        assertThat(large.cbData).isEqualTo(0x100000);
        assertThat(large.cbOverhead).isZero();
        assertThat(large.iRegionIndex).isEqualTo(64);

        assertThat(k.HeapFree(heap, 0, big)).isTrue();
        assertThat(k.HeapFree(heap, 0, a)).isTrue();
        assertThat(k.HeapFree(heap, 0, b)).isTrue();
        assertThat(walk(heap)).as("all freed and coalesced again").hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theWalkCoversEverySegmentAndAgreesWithTheInspector(boolean x64) {
        start(x64);
        long heap = k.HeapCreate(0, 0, 0);
        for (int i = 0; i < 3000; i++) {
            long a = k.HeapAlloc(heap, 0, 40 + i % 200);
            if (i % 3 == 0) {
                k.HeapFree(heap, 0, a);
            }
        }
        List<PROCESS_HEAP_ENTRY> e = walk(heap);
        long regions = e.stream().filter(x -> x.wFlags == PROCESS_HEAP_REGION).count();
        assertThat(regions).as("the heap grew new segments").isGreaterThan(1);
        long busy = e.stream().filter(x -> x.wFlags == PROCESS_HEAP_ENTRY_BUSY).count();
        assertThat(busy).isEqualTo(2000);
        var info = ((pagelab.sim.machine.SimProcess) p).heaps().heapInfos().stream()
                .filter(h -> h.handle() == heap).findFirst().orElseThrow();
        assertThat(busy).isEqualTo(info.busyBlocks());
        assertThat(e.stream().filter(x -> x.wFlags == 0).count()).isEqualTo(info.freeBlocks());
        // Region indexes count up, and every block lies inside the region before it.
        int index = -1;
        for (PROCESS_HEAP_ENTRY x : e) {
            if (x.wFlags == PROCESS_HEAP_REGION) {
                assertThat(x.iRegionIndex).isEqualTo(++index);
            } else {
                assertThat(x.iRegionIndex).isEqualTo(index);
            }
        }
    }

    @Test
    void badWalksGetWindowsErrors() {
        start(true);
        long heap = k.HeapCreate(0, 0, 0);
        assertThat(k.HeapWalk(heap, null)).isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_NOACCESS);
        assertThat(k.HeapWalk(0x1234_0000L, new PROCESS_HEAP_ENTRY())).isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_HANDLE);

        long a = k.HeapAlloc(heap, 0, 100);
        long b = k.HeapAlloc(heap, 0, 100);
        k.HeapAlloc(heap, 0, 100);
        PROCESS_HEAP_ENTRY e = new PROCESS_HEAP_ENTRY();
        do {
            assertThat(k.HeapWalk(heap, e)).isTrue();
        } while (e.lpData != b);
        // The entry the walk stands on is gone (merged into the free block before it): the heap changed under an
        // unlocked walk.
        k.HeapFree(heap, 0, a);
        k.HeapFree(heap, 0, b);
        assertThat(k.HeapWalk(heap, e)).isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_PARAMETER);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, HEAP_NO_SERIALIZE})
    void heapLockMakesOtherThreadsWaitUnlessUnserialised(int createFlags) {
        start(true);
        long heap = k.HeapCreate(createFlags, 0, 0);
        assertThat(k.HeapLock(heap)).isTrue();
        assertThat(k.HeapLock(heap)).as("reentrant, as a critical section").isTrue();
        long thread = k.CreateThread(null, 0, param -> {
            long a = k.HeapAlloc(heap, 0, 100);
            return k.HeapFree(heap, 0, a) ? 0 : 1;
        }, 0, 0, null);
        if (createFlags == HEAP_NO_SERIALIZE) {
            assertThat(k.WaitForSingleObject(thread, INFINITE)).as("nothing to wait for").isEqualTo(WAIT_OBJECT_0);
            assertThat(k.HeapUnlock(heap)).as("a no-op that succeeds").isTrue();
        } else {
            assertThat(k.WaitForSingleObject(thread, 100)).isEqualTo(WAIT_TIMEOUT);
            assertThat(k.HeapUnlock(heap)).isTrue();
            assertThat(k.WaitForSingleObject(thread, 100)).as("still held once").isEqualTo(WAIT_TIMEOUT);
            assertThat(k.HeapUnlock(heap)).isTrue();
            assertThat(k.WaitForSingleObject(thread, INFINITE)).isEqualTo(WAIT_OBJECT_0);
        }
    }

    @Test
    void aCallWithHeapNoSerializeDoesNotWaitAndUnlockingAnUnlockedHeapIsAnError() {
        start(true);
        long heap = k.HeapCreate(0, 0, 0);
        assertThat(k.HeapUnlock(heap)).isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_NOT_LOCKED);

        assertThat(k.HeapLock(heap)).isTrue();
        long thread = k.CreateThread(null, 0, param -> {
            long a = k.HeapAlloc(heap, HEAP_NO_SERIALIZE, 100);
            return k.HeapFree(heap, HEAP_NO_SERIALIZE, a) ? 0 : 1;
        }, 0, 0, null);
        assertThat(k.WaitForSingleObject(thread, INFINITE)).isEqualTo(WAIT_OBJECT_0);
        long other = k.CreateThread(null, 0, param -> k.HeapUnlock(heap) ? 0 : k.GetLastError(), 0, 0, null);
        assertThat(k.WaitForSingleObject(other, INFINITE)).isEqualTo(WAIT_OBJECT_0);
        assertThat(k.HeapUnlock(heap)).as("still ours after another thread's failed unlock").isTrue();
    }

    @Test
    void theFrontEndServesOtherThreadsWhileTheHeapIsLocked() {
        start(true);
        long heap = k.HeapCreate(0, 0, 0);
        for (int i = 0; i < 0x12; i++) {
            k.HeapFree(heap, 0, k.HeapAlloc(heap, 0, 0)); // the LFH serves size 0 from now on
        }
        assertThat(k.HeapLock(heap)).isTrue();
        long thread = k.CreateThread(null, 0, param -> {
            long a = k.HeapAlloc(heap, 0, 0);
            return k.HeapFree(heap, 0, a) ? 0 : 1;
        }, 0, 0, null);
        assertThat(k.WaitForSingleObject(thread, INFINITE)).as("\"but allocation is not\" serialised")
                .isEqualTo(WAIT_OBJECT_0);
        assertThat(k.HeapUnlock(heap)).isTrue();
    }

    @Test
    void destroyingALockedHeapReleasesItsWaiters() {
        start(true);
        long heap = k.HeapCreate(0, 0, 0);
        assertThat(k.HeapLock(heap)).isTrue();
        long thread = k.CreateThread(null, 0, param -> k.HeapAlloc(heap, 0, 100) == 0 ? k.GetLastError() : 0,
                0, 0, null);
        assertThat(k.WaitForSingleObject(thread, 100)).isEqualTo(WAIT_TIMEOUT);
        assertThat(k.HeapDestroy(heap)).isTrue();
        assertThat(k.WaitForSingleObject(thread, INFINITE)).isEqualTo(WAIT_OBJECT_0);
    }
}
