package pagelab.sim.vm;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import pagelab.sim.phys.Pageable;
import pagelab.sim.phys.PhysicalMemory;

/**
 * Storage of private (paging-file backed) pages: one frame per written page, in lazily allocated chunks.
 * A page touched only by reads is resident with the machine's zero frame ({@link PhysicalMemory#zeroFrame}) and costs no host memory.
 * When RAM runs short the machine's clock takes pages away: a dirty page goes to the paging file (and comes back
 * on the next touch, a hard fault); a MEM_RESET page or a zero page is simply dropped, without a paging-file write.
 * The caller holds the machine lock.
 */
public final class PrivateBacking implements Backing, Pageable {
    /** Marks a page whose contents are in the paging file. */
    private static final byte[] PAGED_OUT = new byte[0];

    private static final int SHIFT = PageStates.CHUNK_SHIFT;
    private static final int MASK = PageStates.CHUNK_PAGES - 1;

    private final PhysicalMemory phys;
    private final byte[] zeroFrame;
    private final long pages;
    private byte[][][] chunks;
    private long resident;
    // The paging bookkeeping below is made on first use: most views of a large reservation are never touched, and
    // three empty collections per view were most of what 131,067 reservations cost the host.
    /** Pages MEM_RESET marked as discardable; null until the first. */
    private BitSet reset;
    /** Pages used since the clock's hand last passed; null until the first access. */
    private BitSet referenced;
    /** The contents of paged-out pages; null until the first page-out. */
    private Map<Long, byte[]> pageFile;
    private AddressSpace space;

    public PrivateBacking(PhysicalMemory phys, long pages) {
        this.phys = phys;
        this.zeroFrame = phys.zeroFrame();
        this.pages = pages;
    }

    @Override
    public void attach(AddressSpace owner) {
        this.space = owner;
    }

    @Override
    public byte[] frameForRead(long page) {
        byte[] f = slot(page);
        if (f == PAGED_OUT) {
            f = pageIn(page);
        }
        return f == zeroFrame ? null : f;
    }

    @Override
    public byte[] frameForWrite(long page) {
        byte[][] c = chunk(page, true);
        int i = (int) (page & MASK);
        byte[] f = c[i];
        if (f == PAGED_OUT) {
            f = pageIn(page);
        }
        if (page < Integer.MAX_VALUE) {
            clearReset(page); // written again: the contents matter once more
        }
        if (f == null || f == zeroFrame) {
            byte[] fresh = new byte[AddressSpace.PAGE_SIZE];
            c[i] = fresh;
            if (f == null) {
                resident++;
                phys.frameIn(this, page);
            }
            f = fresh;
        }
        return f;
    }

    @Override
    public boolean isResident(long page) {
        byte[] f = slot(page);
        return f != null && f != PAGED_OUT;
    }

    @Override
    public boolean isPagedOut(long page) {
        return slot(page) == PAGED_OUT;
    }

    @Override
    public void touch(long page) {
        byte[][] c = chunk(page, true);
        int i = (int) (page & MASK);
        if (c[i] == PAGED_OUT) {
            pageIn(page);
        } else if (c[i] == null) {
            c[i] = zeroFrame;
            resident++;
            phys.frameIn(this, page);
        }
    }

    @Override
    public void markReferenced(long page) {
        if (page < Integer.MAX_VALUE) {
            if (referenced == null) {
                referenced = new BitSet();
            }
            referenced.set((int) page);
        }
    }

    @Override
    public boolean testAndClearReferenced(long page) {
        if (referenced == null || page >= Integer.MAX_VALUE || !referenced.get((int) page)) {
            return false;
        }
        referenced.clear((int) page);
        return true;
    }

    @Override
    public boolean isShared(long page) {
        return false;
    }

    @Override
    public boolean isDirty(long page) {
        byte[] f = slot(page);
        return f != null && f != zeroFrame && f != PAGED_OUT && !isReset(page);
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
            if (c[i] == PAGED_OUT) {
                pageFile.remove(p);
                phys.pageFileFreed();
            } else if (c[i] != null) {
                resident--;
                phys.frameOut();
            }
            c[i] = null;
            clearReset(p);
        }
    }

    @Override
    public void reset(long from, long count) {
        // With RAM to spare Windows keeps the contents; they are dropped, unwritten, only when the page is trimmed.
        if (reset == null) {
            reset = new BitSet();
        }
        for (long p = from; p < from + count && p < Integer.MAX_VALUE; p++) {
            reset.set((int) p);
        }
    }

    @Override
    public void resetUndo(long from, long count) {
        for (long p = from; p < from + count; p++) {
            clearReset(p);
        }
    }

    /** Whether MEM_RESET marked the page as discardable. */
    public boolean isReset(long page) {
        return reset != null && page < Integer.MAX_VALUE && reset.get((int) page);
    }

    /**
     * The clock chose this page: a reset or zero page is dropped (it will read as zero), a dirty one is written to
     * the paging file. Either way it leaves RAM and every cached translation of the space.
     */
    @Override
    public void pageOut(long page) {
        byte[][] c = chunk(page, false);
        int i = (int) (page & MASK);
        byte[] f = c == null ? null : c[i];
        if (f == null || f == PAGED_OUT) {
            return;
        }
        if (f == zeroFrame || isReset(page)) {
            c[i] = null;
            clearReset(page);
        } else {
            if (pageFile == null) {
                pageFile = new HashMap<>();
            }
            pageFile.put(page, f);
            c[i] = PAGED_OUT;
            phys.pageFileWrite();
        }
        resident--;
        phys.frameOut();
        if (space != null) {
            space.invalidate();
        }
    }

    private void clearReset(long page) {
        if (reset != null && page < Integer.MAX_VALUE) {
            reset.clear((int) page);
        }
    }

    private byte[] pageIn(long page) {
        byte[] f = pageFile.remove(page);
        chunk(page, true)[(int) (page & MASK)] = f;
        resident++;
        phys.pageFileRead();
        phys.frameIn(this, page);
        return f;
    }

    @Override
    public long residentPages() {
        return resident;
    }

    private byte[] slot(long page) {
        byte[][] c = chunk(page, false);
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
            c = new byte[(int) Math.min(PageStates.CHUNK_PAGES, pages - ((long) ci << SHIFT))][];
            chunks[ci] = c;
        }
        return c;
    }
}
