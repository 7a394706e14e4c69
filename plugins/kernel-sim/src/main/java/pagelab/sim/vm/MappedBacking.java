package pagelab.sim.vm;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The storage behind a mapped view or an image: the pages of a {@link PageStore} starting at a page offset, shared
 * with every other view of it, plus the view's private copies of pages it wrote copy-on-write.
 * The caller holds the machine lock.
 */
public final class MappedBacking implements Backing {
    private final PageStore store;
    private final long firstPage;
    private final Object owner;
    private final Map<Long, byte[]> privateCopies = new HashMap<>();
    private final BitSet resident = new BitSet();

    /**
     * @param owner the section the view maps (released when the view goes), or null
     */
    public MappedBacking(PageStore store, long firstPage, Object owner) {
        this.store = store;
        this.firstPage = firstPage;
        this.owner = owner;
    }

    public Object owner() {
        return owner;
    }

    public long firstPage() {
        return firstPage;
    }

    @Override
    public byte[] frameForRead(long page) {
        byte[] copy = privateCopies.get(page);
        return copy != null ? copy : store.read(firstPage + page);
    }

    @Override
    public byte[] frameForWrite(long page) {
        resident.set((int) page);
        byte[] copy = privateCopies.get(page);
        return copy != null ? copy : store.write(firstPage + page);
    }

    @Override
    public byte[] copyOnWrite(long page) {
        resident.set((int) page);
        byte[] copy = privateCopies.get(page);
        if (copy == null) {
            byte[] shared = store.read(firstPage + page);
            copy = shared == null ? new byte[AddressSpace.PAGE_SIZE] : shared.clone();
            privateCopies.put(page, copy);
        }
        return copy;
    }

    @Override
    public boolean isResident(long page) {
        return resident.get((int) page);
    }

    @Override
    public void touch(long page) {
        resident.set((int) page);
    }

    @Override
    public boolean isShared(long page) {
        return !privateCopies.containsKey(page);
    }

    @Override
    public boolean isDirty(long page) {
        return privateCopies.containsKey(page) || store.isDirty(firstPage + page);
    }

    @Override
    public void discard(long from, long count) {
        if (!privateCopies.isEmpty()) {
            privateCopies.keySet().removeIf(p -> p >= from && p < from + count);
        }
        resident.clear((int) from, (int) Math.min(Integer.MAX_VALUE, from + count));
    }

    @Override
    public void reset(long from, long count) {
        // MEM_RESET does not apply to mapped views (VirtualAlloc refuses it).
    }

    @Override
    public long residentPages() {
        return resident.cardinality();
    }

    /** Pages this view holds privately (copied on write). */
    public int privatePages() {
        return privateCopies.size();
    }
}
