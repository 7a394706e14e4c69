package pagelab.sim.heap;

import pagelab.sim.vm.AddressSpace;
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
 * {@link #matches} compares memory with what the heap last wrote there (kept in {@link Block#header}), so any
 * overwritten header byte is noticed.
 * The caller holds the machine lock.
 */
final class BlockHeaders {
    static final int FLAG_BUSY = 0x01;
    static final int FLAG_LARGE = 0x08;

    private final HeapLayout layout;
    private final HeapMemory memory;
    private final long cookie;
    /**
     * The address space and the layout's words the header operations need, held here: a HeapAlloc/HeapFree pair is
     * bound by chains of dependent loads (docs/benchmarks.md), and each of these saves one link.
     */
    private final AddressSpace space;
    private final int alignShift;
    private final int header;
    private final boolean wide;

    BlockHeaders(HeapLayout layout, HeapMemory memory, long cookie) {
        this.layout = layout;
        this.memory = memory;
        this.cookie = cookie;
        this.space = memory.space();
        this.alignShift = layout.alignShift;
        this.header = layout.header;
        this.wide = layout.is64Bit;
    }

    void write(Block b) {
        View v = b.segment.view;
        int size = sizeWord(b);
        int flags = flagsWord(b, size);
        memory.writeHeader(b, size, flags, wide, b.address ^ cookie, space.generation());
        b.header = (long) flags << 32 | size & 0xFFFFFFFFL;
        if (b.segment.large) {
            long base = b.segment.base();
            memory.writeLong(v, base, b.requested);
            memory.writeLong(v, base + 8, b.segment.reserved());
            memory.writeInt(v, base + 16, HeapLayout.LARGE_SIGNATURE);
        }
    }

    /**
     * Rewrites only the flags word of a block going onto ({@code kept}) or coming off a lookaside list: its size did
     * not change, and a kept block is never a large one. Its size word and check were written with it and stay; if
     * the program overwrote them in the meantime (a use after free), the damage stays too and HeapFree reports it,
     * as Windows would, instead of being quietly repaired. A pair of HeapAlloc and HeapFree served by the front end
     * does two of these and one check: the headers were a third of its time (docs/benchmarks.md), hence the
     * specialised word here rather than {@link #flagsWord}.
     */
    void writeState(Block b, boolean kept) {
        int size = (int) (b.size >>> alignShift);
        int flags = kept ? withCheck(size, 0) : withCheck(size, FLAG_BUSY << 16 | unusedBytes(b));
        memory.writeFlags(b, flags, space.generation()); // first: if it throws, the record still matches memory
        b.header = (long) flags << 32 | size & 0xFFFFFFFFL;
    }

    /** Whether the header in memory is exactly what the heap wrote. Throws HeapAccessException if unreadable. */
    boolean matches(Block b) {
        if (!memory.headerIs(b, b.header, wide, b.address ^ cookie, space.generation())) {
            return false;
        }
        if (b.segment.large) {
            View v = b.segment.view;
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
        return b.segment.large ? 0 : (int) (b.size >>> alignShift);
    }

    /** A block on a lookaside list is busy to the back end but free in its header, as the program sees it. */
    private int flagsWord(Block b, int size) {
        boolean busy = b.busy && !b.cached;
        int unused = busy && !b.segment.large ? unusedBytes(b) : 0;
        int flags = (busy ? FLAG_BUSY : 0) | (b.segment.large ? FLAG_LARGE : 0);
        return withCheck(size, unused | flags << 16);
    }

    /** Block size - header - requested size of a busy block in a segment: the u16 at +4. */
    private int unusedBytes(Block b) {
        long unused = b.size - header - b.requested;
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
