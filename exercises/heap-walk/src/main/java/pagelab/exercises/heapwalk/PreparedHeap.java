package pagelab.exercises.heapwalk;

import static pagelab.kernel.WinNT.HEAP_NO_SERIALIZE;
import static pagelab.kernel.WinNT.HeapCompatibilityInformation;

import java.util.ArrayList;
import java.util.List;
import pagelab.exercise.Msg;
import pagelab.exercise.Win32Names;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;

/**
 * A heap the checker made in the check's process for the student's walk, and how to name it in a message. The
 * workloads are fixed, so the same seed gives the same heaps, addresses and counts on every run.
 *
 * @param handle      the heap handle
 * @param description what is in the heap, for the student: "fresh from HeapCreate(0, 0, 0)", translatable
 */
record PreparedHeap(long handle, Msg description) {

    /** "heap 0x00230000 (fresh from HeapCreate(0, 0, 0))", translatable. */
    Msg name() {
        return Msg.of("heap.name", "heap {0} ({1})", Win32Names.hex(handle), description);
    }

    /** The same heap, described as one of {@code machine} ("x64"). */
    PreparedHeap on(String machine) {
        return new PreparedHeap(handle, Msg.of("heap.on", "{0}, on {1}", description, machine));
    }

    /** A heap as HeapCreate(0, 0, 0) leaves it: one region, one free block, the rest of the region uncommitted. */
    static PreparedHeap fresh(Kernel32 k) {
        return new PreparedHeap(k.HeapCreate(0, 0, 0), Msg.of("heap.fresh", "fresh from HeapCreate(0, 0, 0)"));
    }

    /** 40 blocks of 16 to 315 bytes, every third one freed: busy and free blocks interleave. */
    static PreparedHeap mixed(Kernel32 k) {
        long heap = k.HeapCreate(0, 0, 0);
        allocateMixed(k, heap, 40, 3);
        return new PreparedHeap(heap, Msg.of("heap.mixed", "40 blocks of 16 to 315 bytes, every "
                + "third one freed"));
    }

    /** A heap that cannot grow: 64 KiB committed at once, 1 MiB reserved; 25 blocks, every fourth freed. */
    static PreparedHeap fixedSize(Kernel32 k) {
        long heap = k.HeapCreate(0, 0x10000, 0x100000);
        allocateMixed(k, heap, 25, 4);
        return new PreparedHeap(heap, Msg.of("heap.fixed-size", "HeapCreate(0, 64 KiB, 1 MiB), 25 "
                + "blocks, every fourth one freed"));
    }

    /**
     * Two blocks too big for a segment (1 MiB and 2 MiB, each in a region of its own, on x86 and x64) between two
     * small ones, the first of which is freed again.
     */
    static PreparedHeap bigBlocks(Kernel32 k) {
        long heap = k.HeapCreate(0, 0, 0);
        long small = k.HeapAlloc(heap, 0, 100);
        k.HeapAlloc(heap, 0, 0x100000);
        k.HeapAlloc(heap, 0, 200);
        k.HeapAlloc(heap, 0, 0x200000);
        k.HeapFree(heap, 0, small);
        return new PreparedHeap(heap, Msg.of("heap.big-blocks", "blocks of 100 and 200 bytes, big blocks of 1 MiB "
                + "and 2 MiB, the 100-byte block freed"));
    }

    /** 1,200 blocks of 100 to 499 bytes, every fourth freed at once: the heap grows new segments (three here). */
    static PreparedHeap segments(Kernel32 k) {
        long heap = k.HeapCreate(0, 0, 0);
        for (int i = 0; i < 1200; i++) {
            long block = k.HeapAlloc(heap, 0, 100 + (i * 53) % 400);
            if (i % 4 == 0) {
                k.HeapFree(heap, 0, block);
            }
        }
        return new PreparedHeap(heap, Msg.of("heap.segments", "grown by 1,200 blocks of 100 to 499 "
                + "bytes, every fourth one freed"));
    }

    /**
     * A heap without a lock of its own (HEAP_NO_SERIALIZE): in the simulator HeapLock and HeapUnlock succeed and do
     * nothing; on Windows their results on such a heap are undefined.
     */
    static PreparedHeap unserialised(Kernel32 k) {
        long heap = k.HeapCreate(HEAP_NO_SERIALIZE, 0, 0);
        allocateMixed(k, heap, 30, 4);
        return new PreparedHeap(heap, Msg.of("heap.unserialised", "HeapCreate(HEAP_NO_SERIALIZE, 0, 0), "
                + "30 blocks, every fourth one freed"));
    }

    /** The process's default heap with a few blocks of the checker's in it. */
    static PreparedHeap processHeap(Kernel32 k) {
        long heap = k.GetProcessHeap();
        allocateMixed(k, heap, 12, 3);
        return new PreparedHeap(heap, Msg.of("heap.process-heap", "the process heap, GetProcessHeap(), "
                + "12 blocks, every third one freed"));
    }

    /** A standard heap asked for the low-fragmentation heap with HeapSetInformation, then given a few blocks. */
    static PreparedHeap lowFragmentationAskedFor(Kernel32 k) {
        long heap = k.HeapCreate(0, 0, 0);
        k.HeapSetInformation(heap, HeapCompatibilityInformation, new IntByReference(2), 4);
        allocateMixed(k, heap, 10, 2);
        return new PreparedHeap(heap, Msg.of("heap.lfh-asked-for", "HeapSetInformation(heap, "
                + "HeapCompatibilityInformation, 2)"));
    }

    /** 18 requests of one size turn the low-fragmentation heap on by themselves; nobody asked for it. */
    static PreparedHeap lowFragmentationByItself(Kernel32 k) {
        long heap = k.HeapCreate(0, 0, 0);
        List<Long> blocks = sameSize(k, heap, 18);
        blocks.forEach(b -> k.HeapFree(heap, 0, b));
        return new PreparedHeap(heap, Msg.of("heap.lfh-by-itself", "18 blocks of 48 bytes, all freed again"));
    }

    /** The same 18 requests in a HEAP_NO_SERIALIZE heap, which never gets the low-fragmentation heap. */
    static PreparedHeap unserialisedSameSize(Kernel32 k) {
        long heap = k.HeapCreate(HEAP_NO_SERIALIZE, 0, 0);
        sameSize(k, heap, 40);
        return new PreparedHeap(heap, Msg.of("heap.unserialised-same-size", "HeapCreate(HEAP_NO_SERIALIZE, "
                + "0, 0), 40 blocks of 48 bytes"));
    }

    // Sizes 16 + 37i mod 300 spread over the size classes: none is asked for 18 times, so the LFH stays off.
    private static void allocateMixed(Kernel32 k, long heap, int count, int freeEvery) {
        List<Long> blocks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            blocks.add(k.HeapAlloc(heap, 0, 16 + (i * 37) % 300));
        }
        for (int i = 0; i < count; i += freeEvery) {
            k.HeapFree(heap, 0, blocks.get(i));
        }
    }

    private static List<Long> sameSize(Kernel32 k, long heap, int count) {
        List<Long> blocks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            blocks.add(k.HeapAlloc(heap, 0, 48));
        }
        return blocks;
    }
}
