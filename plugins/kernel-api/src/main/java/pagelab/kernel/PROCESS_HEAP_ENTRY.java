package pagelab.kernel;

/**
 * One step of {@link Kernel32#HeapWalk}: a region of the heap (a segment), an uncommitted range at a segment's
 * end, or a block, busy or free. Field names as in the Windows SDK; the SDK's anonymous union is two members,
 * {@link #Block} and {@link #Region}, of which HeapWalk fills the one the flags call for.
 *
 * <p>Start a walk with {@code lpData = 0}; pass the same object back unchanged to get the next entry.
 */
@SuppressWarnings("checkstyle:MemberName")
public final class PROCESS_HEAP_ENTRY {
    /**
     * A block: the address HeapAlloc returned (busy) or where the free space starts. A region: the segment's first
     * address. An uncommitted range: its first address.
     */
    public long lpData;
    /** A busy block: the bytes asked for. A free block or an uncommitted range: its size. A region: its header. */
    public int cbData;
    /** Bytes the heap uses around the data: a busy block's unused tail, a free block's header; 0 otherwise. */
    public int cbOverhead;
    /** The segment that holds the entry (0 for the first), or 64 for a block in a region of its own. */
    public int iRegionIndex;
    /** {@link WinNT#PROCESS_HEAP_REGION}, {@link WinNT#PROCESS_HEAP_UNCOMMITTED_RANGE},
     *  {@link WinNT#PROCESS_HEAP_ENTRY_BUSY}, or 0 for a free block. */
    public int wFlags;
    /** Filled for a busy block. */
    public final Block Block = new Block();
    /** Filled for a {@link WinNT#PROCESS_HEAP_REGION} entry. */
    public final Region Region = new Region();

    /** The union's block view: a movable block's handle (never made by HeapAlloc, so always 0 here). */
    public static final class Block {
        public long hMem;
        public final int[] dwReserved = new int[3];
    }

    /** The union's region view: how much of the segment is committed and where its blocks lie. */
    public static final class Region {
        public int dwCommittedSize;
        public int dwUnCommittedSize;
        public long lpFirstBlock;
        public long lpLastBlock;
    }

    @Override
    public String toString() {
        if ((wFlags & WinNT.PROCESS_HEAP_REGION) != 0) {
            return String.format("PROCESS_HEAP_ENTRY{REGION %d at %#x, header %#x, committed %#x, uncommitted %#x, "
                    + "blocks %#x..%#x}", iRegionIndex, lpData, cbData, Region.dwCommittedSize,
                    Region.dwUnCommittedSize, Region.lpFirstBlock, Region.lpLastBlock);
        }
        String kind = (wFlags & WinNT.PROCESS_HEAP_UNCOMMITTED_RANGE) != 0 ? "UNCOMMITTED"
                : (wFlags & WinNT.PROCESS_HEAP_ENTRY_BUSY) != 0 ? "BUSY" : "FREE";
        return String.format("PROCESS_HEAP_ENTRY{%s %#x, cbData=%#x, cbOverhead=%#x, region %d}", kind, lpData, cbData,
                cbOverhead, iRegionIndex);
    }
}
