package pagelab.sim.heap;

import pagelab.sim.mmu.KernelAccess;

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
 * {@link #matches} compares memory with what the block's record says the header must hold, so any overwritten
 * header byte is noticed. Headers are read and written through the process's {@link KernelAccess}, the path every
 * access to its memory takes; a page the program made inaccessible throws {@code InaccessiblePage}.
 * The caller holds the machine lock.
 */
final class BlockHeaders {
    static final int FLAG_BUSY = 0x01;
    static final int FLAG_LARGE = 0x08;

    private final HeapLayout layout;
    private final KernelAccess memory;
    private final long cookie;

    BlockHeaders(HeapLayout layout, KernelAccess memory, long cookie) {
        this.layout = layout;
        this.memory = memory;
        this.cookie = cookie;
    }

    void write(Block b) {
        int size = sizeWord(b);
        memory.writeInt(b.address, size);
        memory.writeInt(b.address + 4, flagsWord(b, size));
        if (layout.is64Bit) {
            memory.writeLong(b.address + 8, b.address ^ cookie);
        }
        if (b.segment.large) {
            long base = b.segment.base();
            memory.writeLong(base, b.requested);
            memory.writeLong(base + 8, b.segment.reserved());
            memory.writeInt(base + 16, HeapLayout.LARGE_SIGNATURE);
        }
    }

    /**
     * Rewrites only the flags word of a block going onto or coming off a lookaside list: its size did not change,
     * and a kept block is never a large one. Its size word and check were written with it and stay; if the program
     * overwrote them in the meantime (a use after free), the damage stays too and HeapFree reports it, as Windows
     * would, instead of being quietly repaired.
     */
    void writeState(Block b) {
        memory.writeInt(b.address + 4, flagsWord(b, sizeWord(b)));
    }

    /** Whether the header in memory is exactly what the heap wrote. Throws InaccessiblePage if unreadable. */
    boolean matches(Block b) {
        int size = sizeWord(b);
        if (memory.readInt(b.address) != size || memory.readInt(b.address + 4) != flagsWord(b, size)
                || layout.is64Bit && memory.readLong(b.address + 8) != (b.address ^ cookie)) {
            return false;
        }
        if (b.segment.large) {
            long base = b.segment.base();
            return memory.readLong(base) == b.requested && memory.readLong(base + 8) == b.segment.reserved()
                    && memory.readInt(base + 16) == HeapLayout.LARGE_SIGNATURE;
        }
        return true;
    }

    /** Writes the header at the start of a segment: the heap's own (first segment) or a segment's. */
    void writeSegmentHeader(Segment s, long heap, int flags) {
        long base = s.base();
        writePointer(base, heap);
        writePointer(base + layout.pointerSize, s.index);
        memory.writeInt(base + 2L * layout.pointerSize, signature(s));
        memory.writeInt(base + 2L * layout.pointerSize + 4, flags);
    }

    boolean segmentHeaderMatches(Segment s, long heap, int flags) {
        long base = s.base();
        return readPointer(base) == heap && readPointer(base + layout.pointerSize) == s.index
                && memory.readInt(base + 2L * layout.pointerSize) == signature(s)
                && memory.readInt(base + 2L * layout.pointerSize + 4) == flags;
    }

    private static int signature(Segment s) {
        return s.index == 0 ? HeapLayout.HEAP_SIGNATURE : HeapLayout.SEGMENT_SIGNATURE;
    }

    private void writePointer(long address, long value) {
        if (layout.is64Bit) {
            memory.writeLong(address, value);
        } else {
            memory.writeInt(address, (int) value);
        }
    }

    private long readPointer(long address) {
        return layout.is64Bit ? memory.readLong(address) : memory.readInt(address) & 0xFFFFFFFFL;
    }

    private int sizeWord(Block b) {
        return b.segment.large ? 0 : (int) (b.size >>> layout.alignShift);
    }

    /** The flags word; a block on a lookaside list is busy to the back end but free in its header, as programs see it. */
    private int flagsWord(Block b, int size) {
        boolean busy = b.busy && !b.cached;
        int unused = busy && !b.segment.large ? unusedBytes(b) : 0;
        int flags = (busy ? FLAG_BUSY : 0) | (b.segment.large ? FLAG_LARGE : 0);
        return withCheck(size, unused | flags << 16);
    }

    /** Block size - header - requested size of a busy block in a segment: the u16 at +4. */
    private int unusedBytes(Block b) {
        long unused = b.size - layout.header - b.requested;
        if (unused < 0 || unused > 0xFFFF) {
            throw new IllegalStateException("BlockHeaders: " + b + " has " + unused + " unused bytes");
        }
        return (int) unused;
    }

    /** The flags word: {@code low} (unused bytes, flags) and the check byte over it and the size word. */
    private static int withCheck(int size, int low) {
        int fold = size ^ (low & 0xFFFFFF); // the XOR of bytes 0..6 is the XOR of this word's four bytes
        fold ^= fold >>> 16;
        int check = 0xA5 ^ fold ^ fold >>> 8;
        return low | (check & 0xFF) << 24;
    }
}
