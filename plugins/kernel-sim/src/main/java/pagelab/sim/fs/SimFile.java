package pagelab.sim.fs;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import pagelab.kernel.host.FileContent;
import pagelab.sim.vm.AddressSpace;
import pagelab.sim.vm.PageStore;

/**
 * A file of the simulated file system, stored as the pages the cache manager would hold: only written pages take
 * host memory; the rest read as zero or as generated content. Mapped views of the file use these very pages, so
 * ReadFile, WriteFile and every view agree, as on Windows. The caller holds the machine lock.
 */
public final class SimFile implements PageStore {
    private static final int PAGE = AddressSpace.PAGE_SIZE;

    private final String path;
    private final Map<Long, byte[]> pages = new HashMap<>();
    private final BitSet dirty = new BitSet();
    private FileContent generator;
    private long size;
    /** Bytes that sections mapping this file require it to keep (SetEndOfFile may not cut below). */
    private long mappedSize;

    private final Runnable shared;

    /** @param shared called when a page is created, so every address space re-reads its cached translations */
    SimFile(String path, Runnable shared) {
        this.path = path;
        this.shared = shared;
    }

    public String path() {
        return path;
    }

    public long size() {
        return size;
    }

    /** Sets the size; pages past the end are dropped and content past it reads as zero. */
    public void setSize(long newSize) {
        if (newSize < size) {
            long firstGone = (newSize + PAGE - 1) / PAGE;
            pages.keySet().removeIf(p -> p >= firstGone);
            if (newSize % PAGE != 0) {
                byte[] last = pages.get(newSize / PAGE);
                if (last != null) {
                    Arrays.fill(last, (int) (newSize % PAGE), PAGE, (byte) 0);
                }
            }
            if (generator != null && newSize == 0) {
                generator = null;
            }
        }
        size = newSize;
    }

    void generate(long newSize, FileContent content) {
        pages.clear();
        dirty.clear();
        generator = content;
        size = newSize;
    }

    public long mappedSize() {
        return mappedSize;
    }

    public void setMappedSize(long bytes) {
        mappedSize = bytes;
    }

    @Override
    public byte[] read(long page) {
        byte[] p = pages.get(page);
        if (p != null || generator == null || page * PAGE >= size) {
            return p;
        }
        byte[] generated = new byte[PAGE];
        generator.fill(page * PAGE, generated);
        long valid = size - page * PAGE;
        if (valid < PAGE) {
            Arrays.fill(generated, (int) valid, PAGE, (byte) 0);
        }
        return generated;
    }

    @Override
    public byte[] write(long page) {
        byte[] p = pages.get(page);
        if (p == null) {
            byte[] initial = read(page);
            p = initial == null ? new byte[PAGE] : initial.clone();
            pages.put(page, p);
            shared.run();
        }
        if (page < Integer.MAX_VALUE) {
            dirty.set((int) page);
        }
        return p;
    }

    @Override
    public boolean isDirty(long page) {
        return page < Integer.MAX_VALUE && dirty.get((int) page);
    }

    /** FlushViewOfFile / the lazy writer: the pages are on disk now. Returns how many were dirty. */
    public int flush(long fromPage, long count) {
        int n = 0;
        long end = Math.min(fromPage + count, Integer.MAX_VALUE);
        for (int p = dirty.nextSetBit((int) Math.min(fromPage, Integer.MAX_VALUE)); p >= 0 && p < end;
             p = dirty.nextSetBit(p + 1)) {
            dirty.clear(p);
            n++;
        }
        return n;
    }

    /** Copies file bytes [offset, offset+len) into dst; bytes past the end are not touched. Returns bytes read. */
    public int read(long offset, byte[] dst, int off, int len) {
        int n = (int) Math.max(0, Math.min(len, size - offset));
        int done = 0;
        while (done < n) {
            long at = offset + done;
            int inPage = (int) (at % PAGE);
            int chunk = Math.min(n - done, PAGE - inPage);
            byte[] p = read(at / PAGE);
            if (p == null) {
                Arrays.fill(dst, off + done, off + done + chunk, (byte) 0);
            } else {
                System.arraycopy(p, inPage, dst, off + done, chunk);
            }
            done += chunk;
        }
        return n;
    }

    /** Writes bytes at {@code offset}, growing the file if needed. */
    public void write(long offset, byte[] src, int off, int len) {
        if (offset + len > size) {
            size = offset + len;
        }
        int done = 0;
        while (done < len) {
            long at = offset + done;
            int inPage = (int) (at % PAGE);
            int chunk = Math.min(len - done, PAGE - inPage);
            System.arraycopy(src, off + done, write(at / PAGE), inPage, chunk);
            done += chunk;
        }
    }

    /** Pages holding host memory (written pages). */
    public int materializedPages() {
        return pages.size();
    }
}
