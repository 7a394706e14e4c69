package pagelab.exercises.addressspacewalk;

import java.util.List;

/**
 * A region, as the book's VMMap shows it: a free block on its own, or every block that shares one
 * {@code AllocationBase}.
 *
 * @param base   the allocation base (for a free region, the block's base)
 * @param size   the sum of the blocks' sizes
 * @param type   {@code MEM_FREE}, or the type of the allocation: {@code MEM_PRIVATE}, {@code MEM_MAPPED},
 *               {@code MEM_IMAGE}
 * @param kind   what the region is used for
 * @param blocks the region's blocks in address order (one for a free region); null means none
 */
public record VmRegion(long base, long size, int type, RegionKind kind, List<VmBlock> blocks) {
    public VmRegion {
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }
}
