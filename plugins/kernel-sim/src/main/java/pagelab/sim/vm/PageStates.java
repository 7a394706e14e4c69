package pagelab.sim.vm;

import java.util.Arrays;

/**
 * One vprot byte per page of a view (see {@link Protection}), stored in chunks that are allocated only when a
 * page in them leaves the reserved state, so a 1 TiB x64 reservation costs a few dozen bytes.
 * Not thread-safe: the caller holds the machine lock.
 */
public final class PageStates {
    static final int CHUNK_SHIFT = 12;
    static final int CHUNK_PAGES = 1 << CHUNK_SHIFT;

    private final long pages;
    private byte[][] chunks;

    public PageStates(long pages) {
        this.pages = pages;
    }

    public long pages() {
        return pages;
    }

    public int get(long page) {
        if (chunks == null) {
            return 0;
        }
        byte[] c = chunks[(int) (page >>> CHUNK_SHIFT)];
        return c == null ? 0 : c[(int) (page & (CHUNK_PAGES - 1))] & 0xFF;
    }

    public void set(long page, int vprot) {
        check(page, 1);
        byte[] c = chunk(page, vprot != 0);
        if (c != null) {
            c[(int) (page & (CHUNK_PAGES - 1))] = (byte) vprot;
        }
    }

    /** Sets pages [from, from+count) to one value. */
    public void fill(long from, long count, int vprot) {
        check(from, count);
        long page = from;
        long end = from + count;
        while (page < end) {
            long chunkEnd = Math.min(end, ((page >>> CHUNK_SHIFT) + 1) << CHUNK_SHIFT);
            byte[] c = chunk(page, vprot != 0);
            if (c != null) {
                Arrays.fill(c, (int) (page & (CHUNK_PAGES - 1)),
                        (int) (page & (CHUNK_PAGES - 1)) + (int) (chunkEnd - page), (byte) vprot);
            }
            page = chunkEnd;
        }
    }

    /**
     * The first page at or after {@code from} (and before {@code end}) whose vprot differs from {@code vprot};
     * {@code end} if none. Skips unallocated chunks in one step.
     */
    public long runEnd(long from, long end, int vprot) {
        long page = from;
        while (page < end) {
            int ci = (int) (page >>> CHUNK_SHIFT);
            long chunkEnd = Math.min(end, ((long) ci + 1) << CHUNK_SHIFT);
            byte[] c = chunks == null ? null : chunks[ci];
            if (c == null) {
                if (vprot != 0) {
                    return page;
                }
                page = chunkEnd;
                continue;
            }
            for (; page < chunkEnd; page++) {
                if ((c[(int) (page & (CHUNK_PAGES - 1))] & 0xFF) != vprot) {
                    return page;
                }
            }
        }
        return end;
    }

    /** Counts the pages in [from, from+count) whose vprot has the COMMITTED bit. */
    public long countCommitted(long from, long count) {
        long n = 0;
        long end = from + count;
        long page = from;
        while (page < end) {
            int ci = (int) (page >>> CHUNK_SHIFT);
            long chunkEnd = Math.min(end, ((long) ci + 1) << CHUNK_SHIFT);
            byte[] c = chunks == null ? null : chunks[ci];
            if (c == null) {
                page = chunkEnd;
                continue;
            }
            for (; page < chunkEnd; page++) {
                if ((c[(int) (page & (CHUNK_PAGES - 1))] & Protection.COMMITTED) != 0) {
                    n++;
                }
            }
        }
        return n;
    }

    private byte[] chunk(long page, boolean create) {
        int ci = (int) (page >>> CHUNK_SHIFT);
        if (chunks == null) {
            if (!create) {
                return null;
            }
            chunks = new byte[(int) ((pages + CHUNK_PAGES - 1) >>> CHUNK_SHIFT)][];
        }
        byte[] c = chunks[ci];
        if (c == null && create) {
            // The last chunk is only as long as the view: a 16-page reservation costs 16 bytes, not 4 KiB.
            c = new byte[(int) Math.min(CHUNK_PAGES, pages - ((long) ci << CHUNK_SHIFT))];
            chunks[ci] = c;
        }
        return c;
    }

    private void check(long from, long count) {
        if (from < 0 || count < 0 || from + count > pages) {
            throw new IllegalStateException("PageStates: range [" + from + ", +" + count + ") outside view of "
                    + pages + " pages");
        }
    }
}
