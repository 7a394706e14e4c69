package pagelab.sim.mmu;

/**
 * A one-entry translation cache: the frame of one page. Entries are installed and emptied only under the machine
 * lock (see {@link SimMemory}); immutable, so that a racy read of the field holding one is safe.
 */
final class Tlb {
    /** No translation: its null frame makes every fast-path check fail (even for address Long.MIN_VALUE). */
    static final Tlb EMPTY = new Tlb(Long.MIN_VALUE, null);

    final long pageBase;
    final byte[] frame;

    Tlb(long pageBase, byte[] frame) {
        this.pageBase = pageBase;
        this.frame = frame;
    }
}
