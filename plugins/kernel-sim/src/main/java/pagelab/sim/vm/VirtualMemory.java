package pagelab.sim.vm;

import static pagelab.kernel.WinNT.MEM_IMAGE;
import static pagelab.kernel.WinNT.MEM_COMMIT;
import static pagelab.kernel.WinNT.MEM_DECOMMIT;
import static pagelab.kernel.WinNT.MEM_LARGE_PAGES;
import static pagelab.kernel.WinNT.MEM_PHYSICAL;
import static pagelab.kernel.WinNT.MEM_PRIVATE;
import static pagelab.kernel.WinNT.MEM_RELEASE;
import static pagelab.kernel.WinNT.MEM_RESERVE;
import static pagelab.kernel.WinNT.MEM_RESET;
import static pagelab.kernel.WinNT.MEM_RESET_UNDO;
import static pagelab.kernel.WinNT.MEM_TOP_DOWN;
import static pagelab.kernel.WinNT.MEM_WRITE_WATCH;
import static pagelab.sim.vm.AddressSpace.GRANULARITY;
import static pagelab.sim.vm.AddressSpace.PAGE_SHIFT;
import static pagelab.sim.vm.AddressSpace.PAGE_SIZE;
import static pagelab.sim.vm.AddressSpace.alignDown;
import static pagelab.sim.vm.AddressSpace.alignUp;

import pagelab.kernel.LongByReference;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.sim.phys.PhysicalMemory;
import pagelab.sim.status.NtStatus;

/**
 * The core of chapter 15: reserve, commit, decommit, release, protect and query pages of one address space,
 * with Windows' rounding rules and errors (NtAllocateVirtualMemory and friends). Every method returns a status
 * and never throws for bad input. The caller holds the machine lock.
 */
public final class VirtualMemory {
    private static final int KNOWN_ALLOC_TYPES = MEM_COMMIT | MEM_RESERVE | MEM_RESET | MEM_RESET_UNDO | MEM_TOP_DOWN
            | MEM_WRITE_WATCH | MEM_PHYSICAL | MEM_LARGE_PAGES;
    private static final int CACHE_BITS = Protection.NOCACHE | Protection.WRITECOMBINE;

    private final AddressSpace space;
    private final PhysicalMemory phys;
    private long privateCommittedPages;

    public VirtualMemory(AddressSpace space, PhysicalMemory phys) {
        this.space = space;
        this.phys = phys;
    }

    public AddressSpace space() {
        return space;
    }

    /** Accounts pages the loader or the stack-growth path committed in private views. */
    public void addPrivateCommit(long pages) {
        privateCommittedPages += pages;
    }

    /** Committed pages of MEM_PRIVATE views: the process's "private bytes" / 4096. */
    public long privateCommittedPages() {
        return privateCommittedPages;
    }

    /**
     * Commits one page of a thread's stack (chapter 16's guard-page growth), with or without PAGE_GUARD, charging
     * commit if it was not committed. False if the commit limit is reached.
     */
    public boolean commitStackPage(View stack, long page, boolean guard) {
        if (!Protection.isCommitted(stack.vprot(page))) {
            if (!phys.charge(1)) {
                return false;
            }
            privateCommittedPages++;
        }
        stack.setVprot(page, Protection.COMMITTED | Protection.READWRITE | (guard ? Protection.GUARD : 0));
        space.invalidate();
        return true;
    }

    // ---------------------------------------------------------------- VirtualAlloc

    /** VirtualAlloc: on success {@code out} holds the address Windows returns. */
    public NtStatus allocate(long address, long size, int type, int protect, LongByReference out) {
        NtStatus s = checkAllocationType(type);
        if (s != NtStatus.SUCCESS) {
            return s;
        }
        if (size == 0 || size < 0 || size > userSize()) {
            return NtStatus.INVALID_PARAMETER;
        }
        if (address != 0 && (Long.compareUnsigned(address, space.minAddress()) < 0
                || Long.compareUnsigned(address, space.maxAddress()) > 0 || size - 1 > space.maxAddress() - address)) {
            return NtStatus.INVALID_PARAMETER;
        }
        // MEM_RESET ignores flProtect's value, "however, you must still set flProtect to a valid protection value"
        // (Microsoft Learn, VirtualAlloc): checked first. Wine 8 accepts any value (deviations.txt).
        int vprot = Protection.fromWin32(protect);
        if (vprot < 0) {
            return NtStatus.INVALID_PARAMETER;
        }
        if ((type & (MEM_RESET | MEM_RESET_UNDO)) != 0) {
            return reset(address, size, (type & MEM_RESET_UNDO) != 0, out);
        }
        if ((type & MEM_RESERVE) != 0 || address == 0) {
            if (Protection.isWriteCopyBase(vprot)) {
                return NtStatus.INVALID_PARAMETER; // new private memory has nothing to copy from
            }
            return reserve(address, size, type, protect, vprot, out);
        }
        // A commit looks the reservation up first, and only then refuses copy-on-write for private memory.
        return commit(address, size, vprot, out);
    }

    private NtStatus checkAllocationType(int type) {
        if ((type & ~KNOWN_ALLOC_TYPES) != 0) {
            return NtStatus.INVALID_PARAMETER;
        }
        if ((type & (MEM_RESET | MEM_RESET_UNDO)) != 0) {
            // MEM_RESET and MEM_RESET_UNDO cannot be combined with anything else.
            return type == MEM_RESET || type == MEM_RESET_UNDO ? NtStatus.SUCCESS : NtStatus.INVALID_PARAMETER;
        }
        if ((type & (MEM_COMMIT | MEM_RESERVE)) == 0) {
            return NtStatus.INVALID_PARAMETER;
        }
        if ((type & MEM_WRITE_WATCH) != 0 && (type & MEM_RESERVE) == 0) {
            return NtStatus.INVALID_PARAMETER;
        }
        if ((type & MEM_PHYSICAL) != 0) {
            return NtStatus.INVALID_PARAMETER; // AWE is not simulated
        }
        if ((type & MEM_LARGE_PAGES) != 0) {
            // Large pages need SeLockMemoryPrivilege, which a student's process does not hold.
            return (type & (MEM_RESERVE | MEM_COMMIT)) == (MEM_RESERVE | MEM_COMMIT)
                    ? NtStatus.PRIVILEGE_NOT_HELD : NtStatus.INVALID_PARAMETER;
        }
        return NtStatus.SUCCESS;
    }

    private NtStatus reserve(long address, long size, int type, int protect, int vprot, LongByReference out) {
        long base;
        long bytes;
        if (address == 0) {
            bytes = alignUp(size, PAGE_SIZE);
            // MM_HIGHEST_VAD_ADDRESS: a search never hands out the last 64 KiB below the off-limits partition.
            base = space.findFree(bytes, GRANULARITY, (type & MEM_TOP_DOWN) != 0, space.minAddress(),
                    space.maxAddress() - GRANULARITY);
            if (base < 0) {
                return NtStatus.NO_MEMORY;
            }
        } else {
            // Windows rounds a reservation's base down to 64 KiB and covers [address, address+size) with pages.
            base = alignDown(address, GRANULARITY);
            bytes = alignUp(address + size, PAGE_SIZE) - base;
            if (base < space.minAddress()) {
                return NtStatus.INVALID_PARAMETER;
            }
            if (!space.isFree(base, bytes)) {
                return NtStatus.CONFLICTING_ADDRESSES;
            }
        }
        boolean commit = (type & MEM_COMMIT) != 0;
        long pages = bytes >>> PAGE_SHIFT;
        if (commit && !phys.charge(pages)) {
            return NtStatus.COMMITMENT_LIMIT;
        }
        View view = new View(base, bytes, MEM_PRIVATE, protect, new PrivateBacking(phys, pages), "");
        if (commit) {
            view.fillVprot(0, pages, Protection.COMMITTED | vprot);
            privateCommittedPages += pages;
        }
        space.insert(view);
        out.setValue(base);
        return NtStatus.SUCCESS;
    }

    private NtStatus commit(long address, long size, int vprot, LongByReference out) {
        long base = alignDown(address, PAGE_SIZE);
        long end = alignUp(address + size, PAGE_SIZE);
        View view = space.find(base);
        if (view == null) {
            return NtStatus.MEMORY_NOT_ALLOCATED;
        }
        if (end > view.end() || end <= base) {
            return NtStatus.CONFLICTING_ADDRESSES;
        }
        long first = view.pageOf(base);
        long count = (end - base) >>> PAGE_SHIFT;
        if (!view.isPrivate()) {
            // Only a view of a SEC_RESERVE section can be committed into, and only within the view's protection.
            if (view.backing() instanceof MappedBacking mb && mb.owner() instanceof SharedCommit shared
                    && mappedAllows(view, vprot)) {
                NtStatus s = shared.commit(view, first, count, vprot);
                if (s == NtStatus.SUCCESS) {
                    space.invalidate();
                    out.setValue(base);
                }
                return s;
            }
            // Images and views of committed sections are backed by their file: there is nothing to commit.
            return NtStatus.ACCESS_DENIED;
        }
        if (Protection.isWriteCopyBase(vprot)) {
            return NtStatus.INVALID_PARAMETER;
        }
        long fresh = count - view.countCommitted(first, count);
        if (!phys.charge(fresh)) {
            return NtStatus.COMMITMENT_LIMIT;
        }
        privateCommittedPages += fresh;
        // Committing committed pages is allowed and applies the new protection to all of them.
        setProtection(view, first, count, vprot);
        out.setValue(base);
        return NtStatus.SUCCESS;
    }

    private NtStatus reset(long address, long size, boolean undo, LongByReference out) {
        if (address == 0) {
            return NtStatus.INVALID_PARAMETER;
        }
        // The book: for MEM_RESET the base is rounded up and the size down, so no byte outside the range is lost;
        // what VirtualAlloc returns is the base rounded down, as for any other type (Wine's answer).
        long base = alignUp(address, PAGE_SIZE);
        long end = alignDown(address + size, PAGE_SIZE);
        View view = space.find(alignDown(address, PAGE_SIZE));
        if (view == null) {
            return NtStatus.MEMORY_NOT_ALLOCATED;
        }
        if (alignUp(address + size, PAGE_SIZE) > view.end()) {
            return NtStatus.CONFLICTING_ADDRESSES;
        }
        // A view's pages belong to its section, shared with every other view: resetting them is accepted and
        // discards nothing (Wine answers success for a view too).
        if (end > base && view.isPrivate()) {
            long first = view.pageOf(base);
            long count = (end - base) >>> PAGE_SHIFT;
            if (undo) {
                view.backing().resetUndo(first, count);
            } else {
                view.backing().reset(first, count);
            }
        }
        out.setValue(alignDown(address, PAGE_SIZE));
        return NtStatus.SUCCESS;
    }

    // ---------------------------------------------------------------- VirtualFree

    public NtStatus free(long address, long size, int freeType) {
        if (freeType != MEM_RELEASE && freeType != MEM_DECOMMIT) {
            return NtStatus.INVALID_PARAMETER;
        }
        if (freeType == MEM_RELEASE && size != 0) {
            return NtStatus.INVALID_PARAMETER;
        }
        if (Long.compareUnsigned(address, space.maxAddress()) > 0 || size < 0) {
            return NtStatus.INVALID_PARAMETER;
        }
        long base = alignDown(address, PAGE_SIZE);
        View view = space.find(base);
        if (view == null) {
            return NtStatus.MEMORY_NOT_ALLOCATED;
        }
        if (!view.isPrivate()) {
            return NtStatus.UNABLE_TO_DELETE_SECTION; // images and views go with UnmapViewOfFile / FreeLibrary
        }
        if (freeType == MEM_RELEASE) {
            if (base != view.base()) {
                return NtStatus.FREE_VM_NOT_AT_BASE;
            }
            release(view);
            return NtStatus.SUCCESS;
        }
        // Size 0 decommits the whole region, and only from its base (Wine's tests: STATUS_FREE_VM_NOT_AT_BASE).
        if (size == 0 && base != view.base()) {
            return NtStatus.FREE_VM_NOT_AT_BASE;
        }
        long end = size == 0 ? view.end() : alignUp(address + size, PAGE_SIZE);
        if (end > view.end() || end < base) {
            return NtStatus.UNABLE_TO_FREE_VM;
        }
        decommit(view, view.pageOf(base), (end - base) >>> PAGE_SHIFT);
        return NtStatus.SUCCESS;
    }

    /** Removes a view and returns its commit charge and frames (VirtualFree MEM_RELEASE, process exit). */
    public void release(View view) {
        decommit(view, 0, view.pages());
        space.remove(view);
    }

    private void decommit(View view, long first, long count) {
        long committed = view.countCommitted(first, count);
        if (view.isPrivate()) {
            phys.uncharge(committed);
            privateCommittedPages -= committed;
        }
        view.backing().discard(first, count);
        view.fillVprot(first, count, 0);
        space.invalidate();
    }

    // ---------------------------------------------------------------- VirtualProtect

    public NtStatus protect(long address, long size, int newProtect, boolean oldWritable, LongByReference oldOut) {
        if (!oldWritable) {
            // lpflOldProtect must point to a variable: the kernel probes it before changing anything.
            return NtStatus.ACCESS_VIOLATION;
        }
        int vprot = Protection.fromWin32(newProtect);
        if (vprot < 0) {
            return NtStatus.INVALID_PARAMETER;
        }
        if (size < 0 || Long.compareUnsigned(address, space.maxAddress()) > 0
                || size - 1 > space.maxAddress() - address) {
            return NtStatus.INVALID_PARAMETER;
        }
        long base = alignDown(address, PAGE_SIZE);
        long end = Math.max(alignUp(address + size, PAGE_SIZE), base + PAGE_SIZE);
        View view = space.find(base);
        if (view == null) {
            return NtStatus.MEMORY_NOT_ALLOCATED;
        }
        if (end > view.end()) {
            return NtStatus.CONFLICTING_ADDRESSES;
        }
        if (view.isPrivate() && Protection.isWriteCopyBase(vprot)) {
            return NtStatus.INVALID_PARAMETER;
        }
        long first = view.pageOf(base);
        long count = (end - base) >>> PAGE_SHIFT;
        if (view.countCommitted(first, count) != count) {
            return NtStatus.NOT_COMMITTED;
        }
        if (!view.isPrivate() && !mappedAllows(view, vprot)) {
            return NtStatus.INVALID_PARAMETER; // ERROR_INVALID_PARAMETER, as Windows answers (Wine's tests)
        }
        oldOut.setValue(Protection.toWin32(view.vprot(first)) & 0xFFFFFFFFL);
        if (view.isPrivate()) {
            setProtection(view, first, count, vprot);
        } else {
            protectMapped(view, first, count, vprot);
        }
        return NtStatus.SUCCESS;
    }

    /**
     * Commits pages [first, first+count) with a protection. The cache attributes (PAGE_NOCACHE,
     * PAGE_WRITECOMBINE) belong to the allocation in current Windows and cannot be changed per page.
     * Copy-on-write pages of a mapped view that were already copied stay copied (their protection says so).
     */
    public void setProtection(View view, long first, long count, int vprot) {
        int allocationCache = Protection.fromWin32(view.allocationProtect());
        int cache = allocationCache < 0 ? 0 : allocationCache & CACHE_BITS;
        int value = Protection.COMMITTED | (vprot & ~CACHE_BITS) | cache;
        view.fillVprot(first, count, value);
        space.invalidate();
    }

    /**
     * Whether a mapped or image view may take a protection, bounded by the view's own (MapViewOfFile's access):
     * read-write needs a writable view, execute an executable one, and copy-on-write any view that can be read (a
     * FILE_MAP_READ view may become PAGE_WRITECOPY, never PAGE_READWRITE). A FILE_MAP_COPY view never becomes
     * shared-writable; an image's pages may ask for PAGE_READWRITE and get copy-on-write (see protectMapped).
     */
    private static boolean mappedAllows(View view, int vprot) {
        int allowed = Protection.fromWin32(view.allocationProtect()) & Protection.BASE_MASK;
        int wanted = vprot & Protection.BASE_MASK;
        boolean viewWrite = allowed == Protection.READWRITE || allowed == Protection.EXECUTE_READWRITE;
        boolean viewCopy = allowed == Protection.WRITECOPY || allowed == Protection.EXECUTE_WRITECOPY;
        boolean viewRead = allowed >= Protection.READONLY && allowed != Protection.EXECUTE;
        boolean viewExec = allowed >= Protection.EXECUTE;
        boolean write = wanted == Protection.READWRITE || wanted == Protection.EXECUTE_READWRITE;
        boolean copy = wanted == Protection.WRITECOPY || wanted == Protection.EXECUTE_WRITECOPY;
        boolean exec = wanted >= Protection.EXECUTE;
        boolean image = view.type() == MEM_IMAGE;
        return (!write || viewWrite || image && viewCopy) && (!copy || viewRead) && (!exec || viewExec);
    }

    /**
     * On a copy-on-write view (FILE_MAP_COPY, an image's data), making a page writable keeps it copy-on-write
     * until it has been copied: the shared page must never be written.
     */
    private void protectMapped(View view, long first, long count, int vprot) {
        int allowed = Protection.fromWin32(view.allocationProtect()) & Protection.BASE_MASK;
        boolean viewCopy = allowed == Protection.WRITECOPY || allowed == Protection.EXECUTE_WRITECOPY;
        int base = vprot & Protection.BASE_MASK;
        for (long p = first; p < first + count; p++) {
            int v = vprot;
            if (viewCopy && view.backing().isShared(p)) {
                if (base == Protection.READWRITE) {
                    v = (vprot & ~Protection.BASE_MASK) | Protection.WRITECOPY;
                } else if (base == Protection.EXECUTE_READWRITE) {
                    v = (vprot & ~Protection.BASE_MASK) | Protection.EXECUTE_WRITECOPY;
                }
            }
            view.setVprot(p, Protection.COMMITTED | v);
        }
        space.invalidate();
    }

    // ---------------------------------------------------------------- VirtualQuery

    /** VirtualQuery: fills {@code info} for the page holding {@code address}. */
    public NtStatus query(long address, MEMORY_BASIC_INFORMATION info) {
        if (info == null) {
            return NtStatus.ACCESS_VIOLATION;
        }
        if (Long.compareUnsigned(address, space.maxAddress()) > 0) {
            return NtStatus.INVALID_PARAMETER;
        }
        space.describe(alignDown(address, PAGE_SIZE), info);
        return NtStatus.SUCCESS;
    }

    private long userSize() {
        return space.maxAddress() + 1 - space.minAddress();
    }
}
