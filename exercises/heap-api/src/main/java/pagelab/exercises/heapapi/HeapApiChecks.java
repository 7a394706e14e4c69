package pagelab.exercises.heapapi;

import static pagelab.exercise.Win32Names.hex;

import java.util.List;
import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Evidence;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.HeapInfo;

/**
 * The checks of {@code heap-api}. The checker sets up heaps and blocks of its own (fixed-size heaps, which have no
 * front end, so that a freed block's memory is found again where it was), calls one function of the student's, and
 * reads the result from the heap: HeapSize, the memory, and the kernel's count of busy blocks.
 */
public class HeapApiChecks {
    private static final long KIB = 1024;

    @Check(points = 15, title = "createFixedHeap makes a heap that cannot grow past its maximum", order = 1)
    public CheckResult fixedHeapRunsOut(HeapBuffers lib, CheckContext ctx) {
        Probe p = new Probe(ctx, lib);
        long max = 256 * KIB;
        long heap = p.createFixedHeap(max);
        HeapInfo info = heap == 0 ? null : p.info(heap);
        if (info == null) {
            return CheckResult.fail(Msg.of("fixed.expected", "the handle of a new heap"), Msg.of("fixed.not-a-heap",
                    "createFixedHeap({0}) returned {1}, which is not a heap of the process", hex(max), hex(heap)))
                    .hint("no-heap", "HeapCreate(0, 0, maximumSize).").evidence(ctx.traceEvidence());
        }
        long committedAtStart = info.committedBytes();
        long blockSize = 8 * KIB;
        int fitted = 0;
        while (fitted < 64 && p.k.HeapAlloc(heap, 0, blockSize) != 0) {
            fitted++;
        }
        long held = fitted * blockSize;
        HeapInfo after = p.info(heap);
        Tally t = new Tally();
        t.expect(committedAtStart <= 64 * KIB, Msg.of("fixed.committed-up-front", "HeapCreate committed {0} up "
                + "front: the maximum was passed as dwInitialSize, the storage committed at creation",
                bytes(committedAtStart)))
                .hint("swaps-sizes", "HeapCreate(flOptions, dwInitialSize, dwMaximumSize): the maximum is the third "
                        + "argument; dwInitialSize is what is committed at first.");
        t.expect(2, !info.growable(), Msg.of("fixed.growable", "heap {0} is growable: HeapCreate's dwMaximumSize "
                + "was 0", hex(heap)))
                .hint("growable-heap", "dwMaximumSize 0 makes a heap growable: pass the maximum size as HeapCreate's "
                        + "third argument to make it fixed-size.");
        t.expect(info.reservedBytes() == max, Msg.of("fixed.reserved", "the heap reserved {0} at creation; a "
                + "fixed-size heap reserves dwMaximumSize ({1}) at once", bytes(info.reservedBytes()), bytes(max)))
                .hint("fixed-heap",
                "HeapCreate(flOptions, dwInitialSize, dwMaximumSize): dwMaximumSize > 0 makes the heap fixed-size.");
        t.expect(2, fitted < 64 && held <= max, Msg.of(fitted == 64 ? "fixed.past-max-with-room" : "fixed.past-max",
                fitted == 64 ? "the heap held {0} of {1} and still had room, {2} in all, past its maximum of {3} (it "
                        + "grew to {4} reserved)" : "the heap held {0} of {1}, {2} in all, past its maximum of {3} "
                        + "(it grew to {4} reserved)", blocks(fitted), bytes(blockSize), bytes(held), bytes(max),
                bytes(after.reservedBytes()))).hint("fixed-heap",
                "HeapCreate(flOptions, dwInitialSize, dwMaximumSize): dwMaximumSize > 0 makes the heap fixed-size.");
        return t.result(15, Msg.of("fixed.pass", "Heap {0} reserved {1}, started with {2} committed and refused "
                        + "the block after {3} of {4}.", hex(heap), bytes(max), bytes(committedAtStart),
                        blocks(fitted), bytes(blockSize)))
                .evidence(Evidence.note(Msg.of("note.heap", "Heap {0}", hex(heap)),
                        Msg.of("note.at-creation", "at creation: {0}", describe(info)),
                        Msg.of("note.after-allocs", "after {0} HeapAlloc(8 KiB) calls that succeeded: {1}", fitted,
                                describe(after))));
    }

    @Check(points = 10, title = "Every byte a function adds to a buffer reads as zero", order = 2)
    public CheckResult addedBytesAreZero(HeapBuffers lib, CheckContext ctx) {
        Probe p = new Probe(ctx, lib);
        long heap = p.fixedHeap(0, 128 * KIB);
        Tally t = new Tally();

        p.dirtyAndFree(heap, 200, 0xCC);
        long b = p.newBuffer(heap, 200);
        long bad = b == 0 ? -1 : p.firstNot(b, 0, 200, 0);
        t.expect(b != 0 && bad < 0, b == 0 ? Msg.of("zero.new-failed", "newBuffer(200) returned 0 on a heap with room")
                : Msg.of("zero.new-not-zero", "newBuffer(200) returned {0}, whose byte {1} is not zero: the block "
                + "reused memory a freed block had filled with 0xCC", hex(b), String.valueOf(bad)));

        long a = p.block(heap, 64, 0x11);
        p.dirtyAndFree(heap, 256, 0xDD);
        long r = p.resize(heap, a, 300);
        long badTail = r == 0 ? -1 : p.firstNot(r, 64, 300, 0);
        t.expect(r != 0 && p.holds(r, 64, 0x11) && badTail < 0, r == 0 ? Msg.of("zero.resize-failed", "resize({0}, "
                + "300) failed on a heap with room", hex(a)) : Msg.of("zero.resize-not-zero", "after resize from 64 "
                + "to 300 bytes, byte {0} of the buffer is not zero (or its first 64 bytes changed)",
                String.valueOf(badTail)));

        long c = p.block(heap, 64, 0x22);
        p.dirtyAndFree(heap, 256, 0xEE);
        boolean grown = p.resizeInPlace(heap, c, 250);
        long badInPlace = grown ? p.firstNot(c, 64, 250, 0) : -1;
        t.expect(grown && p.holds(c, 64, 0x22) && badInPlace < 0, !grown ? Msg.of("zero.in-place-failed",
                "resizeInPlace({0}, 250) failed, though the free space after the buffer had room", hex(c))
                : Msg.of("zero.in-place-not-zero", "after resizeInPlace from 64 to 250 bytes, byte {0} of the buffer "
                + "is not zero (or its first 64 bytes changed)", String.valueOf(badInPlace)));
        return t.result(10, Msg.of("zero.pass", "A new buffer and the bytes added by resize and resizeInPlace read "
                        + "as zero, even where freed blocks had left 0xCC, 0xDD and 0xEE."))
                .hint("no-zero-flag", "Only fresh pages are zero; a block the heap reuses holds what was there. HEAP_ZERO_MEMORY on "
                        + "HeapAlloc zeroes the block, on HeapReAlloc the bytes past the old size.")
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 10, title = "length is the size the heap records for the block", order = 3)
    public CheckResult lengthIsHeapSize(HeapBuffers lib, CheckContext ctx) {
        Probe p = new Probe(ctx, lib);
        long heap = p.fixedHeap(0, 128 * KIB);
        Tally t = new Tally();
        long last = 0;
        boolean sizedRight = true;
        for (long size : new long[] {1, 13, 100, 4000, 0}) {
            long b = p.block(heap, size, 0x5A);
            long got = p.length(heap, b);
            sizedRight &= size == 0 || got == size;
            // 0 is what a length that asks nothing answers: it counts once the other sizes are right
            t.expect(got == size && (size != 0 || sizedRight), got == size && size == 0
                    ? Msg.of("length.alloc-unearned", "length of a block HeapAlloc made {0} bytes long is {1} (counts "
                            + "once the others are right)", String.valueOf(size), String.valueOf(got))
                    : Msg.of("length.alloc", "length of a block HeapAlloc made {0} bytes long is {1}",
                            String.valueOf(size), String.valueOf(got)));
            last = b;
        }
        long b = p.k.HeapReAlloc(heap, 0, last, 777);
        long got = p.length(heap, b);
        t.expect(got == 777, Msg.of("length.realloc", "length of a block HeapReAlloc resized to 777 bytes is {0}",
                String.valueOf(got)));
        return t.result(10, Msg.of("length.pass", "length gave 1, 13, 100, 4000, 0 and, after a HeapReAlloc, 777: "
                        + "the sizes asked for."))
                .hint("heap-size", "HeapSize(hHeap, 0, lpMem) returns the size requested for the block, not its rounded size.")
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 15, title = "resize returns the new address when the block has to move", order = 4)
    public CheckResult resizeMovesWhenItMust(HeapBuffers lib, CheckContext ctx) {
        Probe p = new Probe(ctx, lib);
        long heap = p.fixedHeap(0, 128 * KIB);
        long a = p.block(heap, 64, 0x33);
        long next = p.block(heap, 64, 0x44);
        long r = p.resize(heap, a, 1000);
        if (r == 0) {
            return CheckResult.fail(Msg.of("move.expected", "the buffer's new address"), Msg.of("move.failed",
                    "resize({0}, 1000) returned 0 on a heap with room", hex(a))).hint("resize-result", "Return what HeapReAlloc returns.").evidence(ctx.traceEvidence());
        }
        Tally t = new Tally();
        t.expect(2, r != a, Msg.of("move.old-address", "resize returned the old address {0}, but the block after "
                + "it ({1}) is in use, so HeapReAlloc had to move the buffer and freed {0}", hex(a), hex(next)));
        t.expect(p.sizeOf(heap, r) == 1000, Msg.of("move.size", "the heap has no 1000-byte block at {0} (HeapSize "
                + "gives {1})", hex(r), String.valueOf(p.sizeOf(heap, r))));
        t.expect(p.holds(r, 64, 0x33), Msg.of("move.contents", "the buffer's first 64 bytes were not kept at {0}",
                hex(r)));
        t.expect(p.busyBlocks(heap) == 2, Msg.of("move.busy", "the heap holds {0} in use; expected 2 (the moved "
                + "buffer and the block after its old place)", blocks(p.busyBlocks(heap))));
        return t.result(15, Msg.of("move.pass", "The buffer moved from {0} to {1} with its contents; resize "
                        + "returned the new address.", hex(a), hex(r)))
                .hint("keeps-old-address", "HeapReAlloc may move the block: its result is the address to use from now on, and the old "
                        + "one is freed.")
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 10, title = "A failed resize leaves the buffer as it was", order = 5)
    public CheckResult failedResizeKeepsBuffer(HeapBuffers lib, CheckContext ctx) {
        Probe p = new Probe(ctx, lib);
        long heap = p.fixedHeap(0, 64 * KIB);
        // A resize that never does anything also "leaves the buffer as it was": the failure case earns credit only
        // from a resize that works where it can.
        long small = p.block(heap, 40, 0x65);
        long grown = p.resize(heap, small, 200);
        boolean works = grown != 0 && p.sizeOf(heap, grown) == 200;
        Msg unearned = Msg.of("failed-resize.unearned", "counts once resize({0}, 200) on a heap with room works; it "
                + "returned {1}", hex(small), hex(grown));
        long a = p.block(heap, 100, 0x66);
        long r = p.resize(heap, a, 256 * KIB);
        Tally t = new Tally();
        // Where resize never works, a part that held says it earns nothing yet (unearned).
        t.expect(r == 0 && works, r != 0 ? Msg.of("failed-resize.returned", "resize({0}, 256 KiB) returned {1} on a "
                + "fixed heap of 64 KiB", hex(a), hex(r)) : Msg.of("failed-resize.returned-0-unearned", "resize({0}, "
                + "256 KiB) returned 0 ({1})", hex(a), unearned));
        long size = p.sizeOf(heap, a);
        t.expect(2, size == 100 && works, size < 0 ? Msg.of("failed-resize.freed", "after the failed resize, {0} is "
                + "no block of the heap any more: it was freed", hex(a)) : size != 100 ? Msg.of("failed-resize.size",
                "after the failed resize, {0} is a block of {1} bytes, not 100", hex(a), String.valueOf(size))
                : Msg.of("failed-resize.kept-size-unearned", "the buffer kept its 100 bytes ({0})", unearned));
        t.expect((size < 0 || p.holds(a, 100, 0x66)) && works, size < 0 || p.holds(a, 100, 0x66)
                ? Msg.of("failed-resize.kept-contents-unearned", "after the failed resize the buffer's contents were "
                        + "kept ({0})", unearned)
                : Msg.of("failed-resize.contents", "after the failed resize the buffer's contents changed"));
        return t.result(10, Msg.of("failed-resize.pass", "resize to 256 KiB failed and returned 0; the 100-byte "
                        + "buffer at {0} was left as it was.", hex(a)))
                .hint("frees-on-failure", "When HeapReAlloc returns NULL the block is untouched and still the caller's: do not free it.")
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 15, title = "resizeInPlace grows where there is room and never moves the buffer", order = 6)
    public CheckResult resizeInPlaceNeverMoves(HeapBuffers lib, CheckContext ctx) {
        Probe p = new Probe(ctx, lib);
        long heap = p.fixedHeap(0, 128 * KIB);
        long a = p.block(heap, 64, 0x77);
        long freed = p.block(heap, 64, 0);
        long after = p.block(heap, 64, 0x78);
        p.k.HeapFree(heap, 0, freed);
        Tally t = new Tally();

        boolean grew = p.resizeInPlace(heap, a, 120);
        if (!grew) {
            return CheckResult.fail(Msg.of("in-place.expected", "true: the buffer grows into the free block after "
                    + "it"), Msg.of("in-place.refused", "resizeInPlace({0}, 120) returned false", hex(a))).hint("in-place-refused", "HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY | "
                    + "HEAP_ZERO_MEMORY, buffer, bytes) succeeds when the block after the buffer is free.")
                    .evidence(ctx.traceEvidence());
        }
        t.expect(p.sizeOf(heap, a) == 120, Msg.of("in-place.grown-size", "resizeInPlace({0}, 120) into the free "
                + "block after it returned true but HeapSize gives {1}", hex(a), String.valueOf(p.sizeOf(heap, a))));

        long before = p.sizeOf(heap, a);
        boolean moved = p.resizeInPlace(heap, a, 2000);
        long size = p.sizeOf(heap, a);
        t.expect(2, !moved, Msg.of("in-place.moved", "resizeInPlace({0}, 2000) returned true, though the block after "
                + "it ({1}) is in use", hex(a), hex(after)));
        t.expect(2, size == before && size > 0 && p.holds(a, 64, 0x77), size < 0 ? Msg.of("in-place.freed", "after "
                + "resizeInPlace({0}, 2000), {0} is no block of the heap: the buffer was moved and the old address "
                + "freed", hex(a)) : Msg.of("in-place.changed", "after the refused resizeInPlace the buffer is {0} "
                + "bytes (was {1}) or its contents changed", String.valueOf(size), String.valueOf(before)));
        t.expect(p.busyBlocks(heap) == 2, Msg.of("in-place.busy", "the heap holds {0} in use; expected 2",
                blocks(p.busyBlocks(heap))));

        boolean shrank = size > 0 && p.resizeInPlace(heap, a, 32);
        t.expect(shrank && p.sizeOf(heap, a) == 32, Msg.of("in-place.shrink", "resizeInPlace({0}, 32), a shrink, "
                + "did not leave a 32-byte buffer in place", hex(a)));
        return t.result(15, Msg.of("in-place.pass", "resizeInPlace grew the buffer into free space, refused to grow "
                        + "it past a block in use (leaving it as it was), and shrank it, always at {0}.", hex(a)))
                .hint("moves-anyway", "HEAP_REALLOC_IN_PLACE_ONLY: HeapReAlloc fails (NULL) and leaves the block alone rather than "
                        + "move it.")
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 10, title = "newBufferOrZero turns HEAP_GENERATE_EXCEPTIONS' exception into 0", order = 7)
    public CheckResult catchesNoMemory(HeapBuffers lib, CheckContext ctx) {
        Probe p = new Probe(ctx, lib);
        long heap = p.fixedHeap(WinNT.HEAP_GENERATE_EXCEPTIONS, 64 * KIB);
        long first = p.newBufferOrZero(heap, 100);
        if (first == 0 || p.sizeOf(heap, first) != 100) {
            return CheckResult.fail(Msg.of("no-memory.expected", "a 100-byte buffer"), Msg.of("no-memory.first",
                    "newBufferOrZero(100) on a heap with room returned {0}", hex(first))).hint("no-buffer", "HeapAlloc(heap, HEAP_ZERO_MEMORY, bytes), inside seh.tryExcept.")
                    .evidence(ctx.traceEvidence());
        }
        long big = p.newBufferOrZero(heap, 256 * KIB);
        long small = p.newBufferOrZero(heap, 100);
        Tally t = new Tally();
        t.expect(2, big == 0, Msg.of("no-memory.big", "newBufferOrZero(256 KiB) on a fixed heap of 64 KiB returned "
                + "{0}", hex(big)));
        t.expect(small != 0 && p.sizeOf(heap, small) == 100 && p.holds(small, 100, 0), Msg.of("no-memory.next",
                "after that, newBufferOrZero(100) did not return a zeroed 100-byte buffer (it returned {0})",
                hex(small)));
        return t.result(10, Msg.of("no-memory.pass", "The allocation that did not fit raised STATUS_NO_MEMORY, "
                        + "which newBufferOrZero turned into 0; the next one worked."))
                .hint("no-seh", "__try { HeapAlloc } __except (GetExceptionCode() == STATUS_NO_MEMORY ? EXCEPTION_EXECUTE_HANDLER"
                        + " : EXCEPTION_CONTINUE_SEARCH) { return NULL; }")
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 15, title = "damaged finds the block an overrun damaged", order = 8)
    public CheckResult findsDamagedBlock(HeapBuffers lib, CheckContext ctx) {
        Probe p = new Probe(ctx, lib);
        long heap = p.fixedHeap(0, 64 * KIB);
        List<Long> blocks = List.of(p.block(heap, 64, 1), p.block(heap, 64, 2), p.block(heap, 64, 3),
                p.block(heap, 64, 4));
        Tally t = new Tally();
        List<Long> intact = p.damaged(heap, blocks);

        // Write 8 bytes past the end of the second buffer: over the header of the third.
        p.mem.setMemory(blocks.get(1) + 64, 8, (byte) 0x41);
        List<Long> found = p.damaged(heap, blocks);
        // [] is what a damaged() that looks at nothing returns: it counts once the damage is found.
        boolean finds = List.of(blocks.get(2)).equals(found);
        t.expect(List.of().equals(intact) && finds, List.of().equals(intact)
                ? Msg.of("damaged.intact-unearned", "on an intact heap damaged returned {0} (counts once the damaged "
                        + "block is found)", hexes(intact))
                : Msg.of("damaged.intact", "on an intact heap damaged returned {0}, not []", hexes(intact)));
        t.expect(2, List.of(blocks.get(2)).equals(found), Msg.of("damaged.overrun", "after 8 bytes were written past "
                + "the end of {0}, damaged returned {1}; the overrun overwrote the header of the next block, {2}, and "
                + "only that one", hex(blocks.get(1)), hexes(found), hex(blocks.get(2))));
        return t.result(15, Msg.of("damaged.pass", "damaged found nothing on the intact heap and, after the overrun "
                        + "of {0}, exactly the block whose header it overwrote, {1}.", hex(blocks.get(1)),
                        hex(blocks.get(2))))
                .hint("validates-whole-heap", "HeapValidate(hHeap, 0, NULL) checks the whole heap; HeapValidate(hHeap, 0, lpMem) only the "
                        + "block at lpMem. An overrun damages the header of the block after the one overrun.")
                .evidence(Evidence.note(Msg.of("note.blocks", "Blocks"), Msg.of("note.buffers-in-order",
                        "the four 64-byte buffers, in address order: {0}", hexes(blocks)),
                        Msg.of("note.overrun", "the overrun: 8 bytes of 0x41 at {0}", hex(blocks.get(1) + 64))),
                        ctx.traceEvidence());
    }

    /** {@code fixed-size, 262,144 bytes reserved, 8,192 bytes committed, 0 blocks in use}, translatable. */
    private static Msg describe(HeapInfo h) {
        if (h == null) {
            return Msg.of("heap.gone", "gone");
        }
        return Msg.of(h.growable() ? "heap.growable-info" : "heap.fixed-info", (h.growable() ? "growable"
                : "fixed-size") + ", {0} reserved, {1} committed, {2} in use", bytes(h.reservedBytes()),
                bytes(h.committedBytes()), blocks(h.busyBlocks()));
    }

    /** {@code [0x00410000, 0x00410048]}: addresses, the same in every language. */
    private static Msg hexes(List<Long> list) {
        return Msg.text(list == null ? "null" : list.stream().map(Win32Names::hex).toList().toString());
    }

    /** {@code 1 byte}, {@code 262,144 bytes}, as {@link Win32Names#bytes} says it, translatable. */
    static Msg bytes(long count) {
        return Msg.of("bytes", "{0,choice,0#{0} bytes|1#1 byte|1<{0} bytes}", count);
    }

    /** {@code 1 block}, {@code 32 blocks} (and {@code -1 blocks} for a heap that is gone), translatable. */
    static Msg blocks(long count) {
        return Msg.of("blocks", "{0,choice,0#{0} blocks|1#1 block|1<{0} blocks}", count);
    }
}
