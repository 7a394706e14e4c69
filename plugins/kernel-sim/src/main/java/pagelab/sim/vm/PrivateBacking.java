package pagelab.sim.vm;

import pagelab.sim.phys.PhysicalMemory;

/**
 * Storage of private (paging-file backed) pages: one frame per written page, in lazily allocated chunks.
 * A page touched only by reads is marked resident with the shared {@link #ZERO_FRAME} and costs no host memory.
 */
public final class PrivateBacking implements Backing {
    /** What a demand-zero page reads as. Never written to. */
    public static final byte[] ZERO_FRAME = new byte[AddressSpace.PAGE_SIZE];

    private static final int SHIFT = PageStates.CHUNK_SHIFT;
    private static final int MASK = PageStates.CHUNK_PAGES - 1;

    private final PhysicalMemory phys;
    private final long pages;
    private byte[][][] chunks;
    private long resident;
    private java.util.BitSet dirtyOrReset;

    public PrivateBacking(PhysicalMemory phys, long pages) {
        this.phys = phys;
        this.pages = pages;
    }

    @Override
    public byte[] frameForRead(long page) {
        byte[] f = slot(page, false);
        return f == ZERO_FRAME ? null : f;
    }

    @Override
    public byte[] frameForWrite(long page) {
        byte[][] c = chunk(page, true);
        int i = (int) (page & MASK);
        byte[] f = c[i];
        if (f == null || f == ZERO_FRAME) {
            if (f == null) {
                resident++;
                phys.frameIn();
            }
            f = new byte[AddressSpace.PAGE_SIZE];
            c[i] = f;
        }
        return f;
    }

    @Override
    public boolean isResident(long page) {
        return slot(page, false) != null;
    }

    @Override
    public void touch(long page) {
        byte[][] c = chunk(page, true);
        int i = (int) (page & MASK);
        if (c[i] == null) {
            c[i] = ZERO_FRAME;
            resident++;
            phys.frameIn();
        }
    }

    @Override
    public boolean isShared(long page) {
        return false;
    }

    @Override
    public boolean isDirty(long page) {
        byte[] f = slot(page, false);
        return f != null && f != ZERO_FRAME;
    }

    @Override
    public void discard(long from, long count) {
        if (chunks == null) {
            return;
        }
        for (long p = from; p < from + count; p++) {
            byte[][] c = chunks[(int) (p >>> SHIFT)];
            if (c == null) {
                p = ((p >>> SHIFT) + 1 << SHIFT) - 1;
                continue;
            }
            int i = (int) (p & MASK);
            if (c[i] != null) {
                c[i] = null;
                resident--;
                phys.frameOut();
            }
        }
    }

    @Override
    public void reset(long from, long count) {
        // With RAM to spare Windows keeps the contents; they are only dropped, unwritten, under memory pressure.
        // The simulator has no pressure in part 1, so a reset page keeps its frame and is merely marked clean.
        if (dirtyOrReset == null) {
            dirtyOrReset = new java.util.BitSet();
        }
        for (long p = from; p < from + count && p < Integer.MAX_VALUE; p++) {
            dirtyOrReset.set((int) p);
        }
    }

    /** Whether MEM_RESET marked the page as discardable (for the paging statistics of part 2). */
    public boolean isReset(long page) {
        return dirtyOrReset != null && page < Integer.MAX_VALUE && dirtyOrReset.get((int) page);
    }

    @Override
    public long residentPages() {
        return resident;
    }

    private byte[] slot(long page, boolean create) {
        byte[][] c = chunk(page, create);
        return c == null ? null : c[(int) (page & MASK)];
    }

    private byte[][] chunk(long page, boolean create) {
        if (page < 0 || page >= pages) {
            throw new IllegalStateException("PrivateBacking: page " + page + " outside view of " + pages);
        }
        int ci = (int) (page >>> SHIFT);
        if (chunks == null) {
            if (!create) {
                return null;
            }
            chunks = new byte[(int) ((pages + MASK) >>> SHIFT)][][];
        }
        byte[][] c = chunks[ci];
        if (c == null && create) {
            c = new byte[PageStates.CHUNK_PAGES][];
            chunks[ci] = c;
        }
        return c;
    }
}
