package pagelab.sim.heap;

/**
 * Sizes of the heap's in-memory structures for one architecture. Blocks are aligned to two pointers (8 bytes on
 * x86, 16 on x64) as Windows aligns HeapAlloc results, and each block starts with a header of that size, so that
 * a block's data follows its header at the right alignment.
 */
final class HeapLayout {
    static final HeapLayout X86 = new HeapLayout(false);
    static final HeapLayout X64 = new HeapLayout(true);

    /** Signature in every heap header, as the real HEAP structure carries 0xEEFFEEFF. */
    static final int HEAP_SIGNATURE = 0xEEFFEEFF;
    /** Signature of the header of a segment other than the first (HEAP_SEGMENT's 0xFFEEFFEE). */
    static final int SEGMENT_SIGNATURE = 0xFFEEFFEE;
    /** Signature of a large block's prefix ("LARG"). */
    static final int LARGE_SIGNATURE = 0x4752414C;
    /** Commit grows in these steps, as Windows' heap segments do. */
    static final long COMMIT_STEP = 0x10000;
    /** A growable heap never makes a new segment larger than this, unless one block needs more. */
    static final long MAX_SEGMENT_RESERVE = 0x1000000;

    final boolean is64Bit;
    final int pointerSize;
    /** Alignment of every block and of every address HeapAlloc returns. */
    final int align;
    /** log2 of {@link #align}: block sizes are stored in units of it. */
    final int alignShift;
    /** Bytes of the header before each block's data. */
    final int header;
    /** The smallest block: a header and one aligned unit of data. A smaller remainder is not split off. */
    final long minBlock;
    /**
     * The largest block a sub-heap holds: Windows' 16-bit block size field in units of {@link #align}
     * (0x7FFF8 on x86, 0xFFFF0 on x64). Larger requests fail on a fixed-size heap and get their own
     * VirtualAlloc region on a growable one.
     */
    final long maxBlock;
    /** Bytes at the start of the first segment: the heap's own header. */
    final long heapHeader;
    /** Bytes at the start of every further segment. */
    final long segmentHeader;
    /** Bytes before a large block's data: a prefix (requested size, region size, signature) and a header. */
    final long largeHeader;
    /** The largest request {@link #blockSize} accepts: 4 GiB - 1 on x86 (a SIZE_T), a quarter of Long.MAX_VALUE on x64. */
    private final long maxRequest;

    private HeapLayout(boolean is64Bit) {
        this.is64Bit = is64Bit;
        this.pointerSize = is64Bit ? 8 : 4;
        this.align = 2 * pointerSize;
        this.alignShift = Integer.numberOfTrailingZeros(align);
        this.header = align;
        this.minBlock = header + align;
        this.maxBlock = 0xFFFFL * align;
        this.heapHeader = 0x100;
        this.segmentHeader = 0x40;
        this.largeHeader = is64Bit ? 0x40 : 0x20;
        this.maxRequest = is64Bit ? Long.MAX_VALUE / 4 : 0xFFFFFFFFL;
    }

    static HeapLayout of(boolean is64Bit) {
        return is64Bit ? X64 : X86;
    }

    /** The block size (header included) that holds {@code bytes} of data; -1 if no block can be that large. */
    long blockSize(long bytes) {
        if (Long.compareUnsigned(bytes, maxRequest) > 0) { // a negative count is a huge unsigned one
            return -1;
        }
        return Math.max((bytes + header + align - 1) & -(long) align, minBlock);
    }

    static long alignUp(long value, long alignment) {
        return (value + alignment - 1) & -alignment;
    }
}
