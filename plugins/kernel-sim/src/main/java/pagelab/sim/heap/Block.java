package pagelab.sim.heap;

/**
 * The heap manager's own record of one block of a segment, busy or free. The block's header in simulated memory
 * is written from this record and compared with it: the record is the truth, so a program that overwrites a
 * header cannot derail the simulator, only make HeapValidate and HeapFree report the damage.
 * Guarded by the machine lock.
 */
final class Block {
    /** Address of the header; the data follows it. */
    long address;
    /** Whole block, header included; a multiple of the layout's alignment. */
    long size;
    /** For a busy block, the bytes the program asked for (what HeapSize answers); 0 for a free block. */
    long requested;
    /** Busy to the back end: in use by the program, or kept on a {@link Lookaside} list. */
    boolean busy;
    /** On a lookaside list: free to the program (its header says free), not to the back end. */
    boolean cached;
    /** Neighbours in address order within the segment. */
    Block prev;
    Block next;
    final Segment segment;

    Block(long address, long size, Segment segment) {
        this.address = address;
        this.size = size;
        this.segment = segment;
    }

    long end() {
        return address + size;
    }

    @Override
    public String toString() {
        return String.format("Block[%#x +%#x %s req=%#x]", address, size, cached ? "lookaside" : busy ? "busy" : "free",
                requested);
    }
}
