package pagelab.sim.vm;

import java.util.ArrayList;
import java.util.List;
import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.Allocation;
import pagelab.kernel.inspect.PageInfo;
import pagelab.kernel.inspect.Region;

/**
 * One allocation of an address space (Wine's "view"): a reservation made by VirtualAlloc, a mapped view, an
 * image, a stack, a heap segment, the PEB. It records where it is, how it was made, one vprot byte per page,
 * and the physical storage behind its pages. The caller holds the machine lock.
 */
public final class View {
    private final long base;
    private final long size;
    private final int type;
    private final int allocationProtect;
    private final PageStates states;
    /** False while every page is still reserved: then the page-state chunks need not be touched at all. */
    private boolean touched;
    /** The space holding this view, told when the view is first touched (its read-optimised index reads that). */
    private AddressSpace space;
    private final Backing backing;
    private String detail;
    private long version;
    private Allocation cachedAllocation;
    private long cachedVersion = -1;

    /**
     * @param type              {@code MEM_PRIVATE}, {@code MEM_MAPPED} or {@code MEM_IMAGE}
     * @param allocationProtect the Win32 protection given when the allocation was made
     */
    public View(long base, long size, int type, int allocationProtect, Backing backing, String detail) {
        if ((base & (AddressSpace.PAGE_SIZE - 1)) != 0 || size <= 0 || (size & (AddressSpace.PAGE_SIZE - 1)) != 0) {
            throw new IllegalStateException("View: base " + Long.toHexString(base) + " size " + Long.toHexString(size)
                    + " not page aligned");
        }
        this.base = base;
        this.size = size;
        this.type = type;
        this.allocationProtect = allocationProtect;
        this.states = new PageStates(size / AddressSpace.PAGE_SIZE);
        this.backing = backing;
        this.detail = detail == null ? "" : detail;
    }

    public long base() {
        return base;
    }

    public long size() {
        return size;
    }

    public long end() {
        return base + size;
    }

    public long pages() {
        return size >>> AddressSpace.PAGE_SHIFT;
    }

    public int type() {
        return type;
    }

    public boolean isPrivate() {
        return type == WinNT.MEM_PRIVATE;
    }

    public int allocationProtect() {
        return allocationProtect;
    }

    public Backing backing() {
        return backing;
    }

    public String detail() {
        return detail;
    }

    public void setDetail(String detail) {
        this.detail = detail == null ? "" : detail;
        version++;
    }

    public boolean contains(long address) {
        return address >= base && address - base < size;
    }

    /** The page index within this view of an address inside it. */
    public long pageOf(long address) {
        return (address - base) >>> AddressSpace.PAGE_SHIFT;
    }

    /** Whether any page has ever been committed or given a protection (false: every page is reserved). */
    public boolean isTouched() {
        return touched;
    }

    void setSpace(AddressSpace space) {
        this.space = space;
    }

    private void touch(int vprot) {
        if (vprot != 0 && !touched) {
            touched = true;
            if (space != null) {
                space.viewTouched();
            }
        }
    }

    public int vprot(long page) {
        return touched ? states.get(page) : 0;
    }

    public void setVprot(long page, int vprot) {
        touch(vprot);
        states.set(page, vprot);
        version++;
    }

    public void fillVprot(long from, long count, int vprot) {
        touch(vprot);
        states.fill(from, count, vprot);
        version++;
    }

    /** The first page after {@code from} (before {@code end}) whose vprot differs from page {@code from}'s. */
    public long runEnd(long from, long end) {
        return touched ? states.runEnd(from, end, states.get(from)) : end;
    }

    public long countCommitted(long from, long count) {
        return touched ? states.countCommitted(from, count) : 0;
    }

    /** A page of this view as the inspector shows it. */
    public PageInfo pageInfo(long page) {
        int v = vprot(page);
        long address = base + (page << AddressSpace.PAGE_SHIFT);
        return new PageInfo(address, base, Protection.isCommitted(v) ? WinNT.MEM_COMMIT : WinNT.MEM_RESERVE,
                Protection.toWin32(v), type, Protection.isGuard(v), Protection.isCopyOnWrite(v),
                backing.isShared(page), backing.isResident(page), backing.isDirty(page));
    }

    /** Changes whenever a page's state or the detail changes; lets snapshots reuse an unchanged allocation. */
    public long version() {
        return version;
    }

    /** This view as an immutable inspection value; rebuilt only when the view changed since the last call. */
    public Allocation toAllocation() {
        if (cachedAllocation != null && cachedVersion == version) {
            return cachedAllocation;
        }
        List<Region> blocks = new ArrayList<>();
        long page = 0;
        long pages = pages();
        int allocProt = allocationProtect;
        while (page < pages) {
            int v = states.get(page);
            long next = states.runEnd(page, pages, v);
            int state = Protection.isCommitted(v) ? WinNT.MEM_COMMIT : WinNT.MEM_RESERVE;
            blocks.add(new Region(base + (page << AddressSpace.PAGE_SHIFT), (next - page) << AddressSpace.PAGE_SHIFT,
                    base, allocProt, state, Protection.toWin32(v), type));
            page = next;
        }
        cachedAllocation = new Allocation(base, size, type, allocationProtect, detail, blocks);
        cachedVersion = version;
        return cachedAllocation;
    }

    @Override
    public String toString() {
        return String.format("View[%#x-%#x type=%#x %s]", base, end(), type, detail);
    }
}
