package pagelab.sim.mmu;

/**
 * A one-entry translation cache: the frame of one page, valid while the address space's generation is unchanged.
 * Immutable, so that a racy read of the field holding it is safe.
 */
final class Tlb {
    static final Tlb EMPTY = new Tlb(Long.MIN_VALUE, null, -1);

    final long pageBase;
    final byte[] frame;
    final long generation;

    Tlb(long pageBase, byte[] frame, long generation) {
        this.pageBase = pageBase;
        this.frame = frame;
        this.generation = generation;
    }
}
