package pagelab.sim.heap;

import pagelab.sim.vm.View;

/**
 * The in-memory form of block, segment and heap headers, in the spirit of Windows' HEAP_ENTRY:
 * <pre>
 *   +0  u32  block size / alignment (0 for a large block, whose size is in its prefix)
 *   +4  u16  unused bytes: block size - header - requested size (0 for a free block)
 *   +6  u8   flags: 0x01 busy, 0x08 large
 *   +7  u8   check byte: XOR of bytes 0..6 and 0xA5 (Windows' SmallTagIndex plays this role)
 *   +8  u64  (x64 only) the header's address XOR a per-heap cookie
 * </pre>
 * A large block's region starts with a prefix: u64 requested size, u64 region size, u32 "LARG".
 * {@link #matches} compares memory with the heap's own records, so any overwritten header byte is noticed.
 * The caller holds the machine lock.
 */
final class BlockHeaders {
    static final int FLAG_BUSY = 0x01;
    static final int FLAG_LARGE = 0x08;

    private final HeapLayout layout;
    private final HeapMemory memory;
    private final long cookie;

    BlockHeaders(HeapLayout layout, HeapMemory memory, long cookie) {
        this.layout = layout;
        this.memory = memory;
        this.cookie = cookie;
    }

    void write(Block b) {
        View v = b.segment.view;
        int size = sizeWord(b);
        memory.writeHeader(v, b.address, size, flagsWord(b, size), layout.is64Bit, b.address ^ cookie);
        if (b.segment.large) {
            long base = b.segment.base();
            memory.writeLong(v, base, b.requested);
            memory.writeLong(v, base + 8, b.segment.reserved());
            memory.writeInt(v, base + 16, HeapLayout.LARGE_SIGNATURE);
        }
    }

    /**
     * Rewrites only the flags word of a block whose size did not change: a block going onto or coming off a
     * lookaside list. Its size word and check were written with it and stay; if the program overwrote them in the
     * meantime (a use after free), the damage stays too and HeapFree reports it, as Windows would, instead of
     * being quietly repaired. A pair of HeapAlloc and HeapFree served by the front end does two of these and one
     * full check: the headers were a third of its time (docs/benchmarks.md).
     */
    void writeState(Block b) {
        memory.writeInt(b.segment.view, b.address + 4, flagsWord(b, sizeWord(b)));
    }

    /** Whether the header in memory is exactly what the heap wrote. Throws HeapAccessException if unreadable. */
    boolean matches(Block b) {
        View v = b.segment.view;
        int size = sizeWord(b);
        if (!memory.headerIs(v, b.address, size, flagsWord(b, size), layout.is64Bit, b.address ^ cookie)) {
            return false;
        }
        if (b.segment.large) {
            long base = b.segment.base();
            return memory.readLong(v, base) == b.requested && memory.readLong(v, base + 8) == b.segment.reserved()
                    && memory.readInt(v, base + 16) == HeapLayout.LARGE_SIGNATURE;
        }
        return true;
    }

    /** Writes the header at the start of a segment: the heap's own (first segment) or a segment's. */
    void writeSegmentHeader(Segment s, long heap, int flags) {
        View v = s.view;
        long base = s.base();
        writePointer(v, base, heap);
        writePointer(v, base + layout.pointerSize, s.index);
        memory.writeInt(v, base + 2L * layout.pointerSize, s.index == 0 ? HeapLayout.HEAP_SIGNATURE
                : HeapLayout.SEGMENT_SIGNATURE);
        memory.writeInt(v, base + 2L * layout.pointerSize + 4, flags);
    }

    boolean segmentHeaderMatches(Segment s, long heap, int flags) {
        View v = s.view;
        long base = s.base();
        return readPointer(v, base) == heap && readPointer(v, base + layout.pointerSize) == s.index
                && memory.readInt(v, base + 2L * layout.pointerSize) == (s.index == 0 ? HeapLayout.HEAP_SIGNATURE
                        : HeapLayout.SEGMENT_SIGNATURE)
                && memory.readInt(v, base + 2L * layout.pointerSize + 4) == flags;
    }

    private void writePointer(View v, long address, long value) {
        if (layout.is64Bit) {
            memory.writeLong(v, address, value);
        } else {
            memory.writeInt(v, address, (int) value);
        }
    }

    private long readPointer(View v, long address) {
        return layout.is64Bit ? memory.readLong(v, address) : memory.readInt(v, address) & 0xFFFFFFFFL;
    }

    private int sizeWord(Block b) {
        return b.segment.large ? 0 : (int) (b.size >>> layout.alignShift);
    }

    /** A block on a lookaside list is busy to the back end but free in its header, as the program sees it. */
    private int flagsWord(Block b, int size) {
        boolean busy = b.busy && !b.cached;
        long unused = busy && !b.segment.large ? b.size - layout.header - b.requested : 0;
        if (unused < 0 || unused > 0xFFFF) {
            throw new IllegalStateException("BlockHeaders: " + b + " has " + unused + " unused bytes");
        }
        int flags = (busy ? FLAG_BUSY : 0) | (b.segment.large ? FLAG_LARGE : 0);
        int low = (int) unused | flags << 16;
        int fold = size ^ (low & 0xFFFFFF); // the XOR of bytes 0..6 is the XOR of this word's four bytes
        fold ^= fold >>> 16;
        int check = 0xA5 ^ fold ^ fold >>> 8;
        return low | (check & 0xFF) << 24;
    }
}
