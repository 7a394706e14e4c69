package pagelab.app.desktop.memorymap;

/**
 * One row of the memory-map table: an allocation (VMMap's "region"), one of its blocks, or a free gap.
 *
 * @param kind        which of the three the row is
 * @param firstRegion the index of the first strip region the row covers
 * @param lastRegion  the index of the last strip region the row covers
 * @param committed   committed bytes in the row
 * @param protect     the block's protection, or the allocation's {@code AllocationProtect} for an allocation row
 * @param detail      e.g. {@code "Thread stack (TID 1)"}; empty for blocks and free rows
 * @param changed     whether the row is new or different since the previous step
 */
public record MapRow(Kind kind, int firstRegion, int lastRegion, long base, long size, long committed, int type,
                     int state, int protect, String detail, boolean changed) {
    /** What a row stands for. */
    public enum Kind { ALLOCATION, BLOCK, FREE }
}
