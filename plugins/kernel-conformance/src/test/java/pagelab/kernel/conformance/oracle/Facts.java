package pagelab.kernel.conformance.oracle;

import static pagelab.kernel.WinNT.MEM_DECOMMIT;
import static pagelab.kernel.WinNT.MEM_FREE;
import static pagelab.kernel.WinNT.MEM_PRIVATE;
import static pagelab.kernel.WinNT.SEC_COMMIT;
import static pagelab.kernel.WinNT.SEC_IMAGE;
import static pagelab.kernel.WinNT.SEC_RESERVE;
import static pagelab.kernel.WinNT.MEM_RELEASE;
import static pagelab.kernel.WinNT.MEM_RESERVE;
import static pagelab.kernel.WinNT.MEM_RESET;

import pagelab.kernel.Kernel32;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;

/**
 * What held on the simulator just before a script's call, as a rule of {@code deviations.txt} needs to know it:
 * a rule says "where this holds and Wine printed that, Windows prints this". Each fact is read through the public
 * API ({@code VirtualQuery}) or from the call's own arguments, never from the simulator's insides, so a fact is as
 * true of the simulator's state as the script's own {@code VirtualQuery} lines are.
 */
final class Facts {
    /** VirtualProtect's or VirtualFree's page range is in user space but not inside one allocation. */
    static final String OUTSIDE_ONE_ALLOCATION = "outside-one-allocation";
    /** VirtualFree's first page is free: no allocation holds it. */
    static final String FIRST_PAGE_FREE = "first-page-free";
    /** VirtualFree's type and size are a valid pair (MEM_RELEASE with 0, or MEM_DECOMMIT). */
    static final String VALID_FREE_TYPE = "valid-free-type";
    /** VirtualProtect's or VirtualAlloc's protection is invalid by Microsoft's "Memory Protection Constants" page. */
    static final String INVALID_PROTECTION = "invalid-protection";
    /** VirtualAlloc's type holds MEM_RESET together with another type. */
    static final String RESET_WITH_ANOTHER_TYPE = "reset-with-another-type";
    /** VirtualAlloc's type is MEM_RESET alone. */
    static final String RESET = "reset";
    /**
     * The call's address is in no allocation the script made (a register's range): whatever holds it is the
     * implementation's own process layout (its heaps, stacks, shared data), which Windows, Wine and the simulator
     * lay out each their own way.
     */
    static final String FOREIGN_ADDRESS = "foreign-address";
    /** A read's or write's first byte, or VirtualQuery's page, is on a reserved (not committed) page. */
    static final String RESERVED_PAGE = "reserved-page";
    /** The page's allocation was made with PAGE_GUARD in its protection (VirtualQuery's AllocationProtect). */
    static final String GUARD_ALLOCATION = "guard-allocation";
    /** The page's allocation was made with PAGE_WRITECOMBINE (VirtualQuery's AllocationProtect). */
    static final String WRITECOMBINE_ALLOCATION = "writecombine-allocation";
    /** VirtualProtect's first page is in a private (VirtualAlloc'd) allocation. */
    static final String PRIVATE_ALLOCATION = "private-allocation";
    /** VirtualProtect's new protection is PAGE_WRITECOPY or PAGE_EXECUTE_WRITECOPY (with modifiers or not). */
    static final String WRITECOPY_PROTECTION = "writecopy-protection";
    /**
     * CreateFileMapping's SEC_* attributes name no allocation type (SEC_COMMIT, SEC_RESERVE, SEC_IMAGE) though they
     * name a modifier (SEC_NOCACHE, SEC_WRITECOMBINE, SEC_LARGE_PAGES), so kernel32 adds no SEC_COMMIT.
     */
    static final String NO_SECTION_TYPE = "no-section-type";
    /** CreateFileMapping asks for SEC_IMAGE of the paging file (INVALID_HANDLE_VALUE), which is no image. */
    static final String IMAGE_WITHOUT_FILE = "image-without-file";

    private static final long PAGE = 4096;

    private Facts() {
    }

    /**
     * Whether [address, address + size) rounded out to pages (one page when {@code size} is 0, as VirtualProtect
     * and a MEM_RELEASE take it) is in user space but not all inside one allocation: a free page, or pages of two
     * allocations.
     */
    static boolean outsideOneAllocation(Kernel32 k, long address, long size) {
        long first = address & -PAGE;
        long end = size == 0 ? first + PAGE : (address + size + PAGE - 1) & -PAGE;
        if (size < 0 || Long.compareUnsigned(end, first) <= 0) {
            return false; // wraps around: an invalid parameter on every implementation, no question of address
        }
        MEMORY_BASIC_INFORMATION m = new MEMORY_BASIC_INFORMATION();
        if (k.VirtualQuery(first, m) == 0 || k.VirtualQuery(end - 1, new MEMORY_BASIC_INFORMATION()) == 0) {
            return false; // beyond user space: an invalid parameter, not an address question
        }
        if (m.State == MEM_FREE) {
            return true;
        }
        long allocation = m.AllocationBase;
        long next = m.BaseAddress + m.RegionSize;
        while (Long.compareUnsigned(next, end) < 0) {
            if (k.VirtualQuery(next, m) == 0 || m.State == MEM_FREE || m.AllocationBase != allocation) {
                return true;
            }
            next = m.BaseAddress + m.RegionSize;
        }
        return false;
    }

    static boolean firstPageFree(Kernel32 k, long address) {
        MEMORY_BASIC_INFORMATION m = new MEMORY_BASIC_INFORMATION();
        return k.VirtualQuery(address & -PAGE, m) != 0 && m.State == MEM_FREE;
    }

    static boolean validFreeType(int type, long size) {
        return type == MEM_DECOMMIT || type == MEM_RELEASE && size == 0;
    }

    /**
     * Whether {@code protect} is invalid by Microsoft Learn's "Memory Protection Constants": not exactly one of the
     * eight base protections, an unknown bit, or a modifier pair the page forbids (PAGE_NOCACHE or
     * PAGE_WRITECOMBINE with PAGE_NOACCESS, PAGE_GUARD or each other). Cases that page does not settle count as
     * valid, so that a rule conditioned on this fact never rests on a guess.
     */
    static boolean invalidProtection(int protect) {
        int base = protect & 0xFF;
        int modifiers = protect & 0x700;
        if ((protect & ~0x7FF) != 0 || Integer.bitCount(base) != 1) {
            return true;
        }
        boolean noCache = (modifiers & 0x200) != 0;
        boolean writeCombine = (modifiers & 0x400) != 0;
        boolean guard = (modifiers & 0x100) != 0;
        boolean noAccess = base == 0x01;
        return (noCache || writeCombine) && (noAccess || guard || noCache && writeCombine);
    }

    /** MEM_RESET_UNDO is left out: Microsoft Learn does not say that it refuses other types. */
    static boolean resetWithAnotherType(int type) {
        return (type & MEM_RESET) != 0 && type != MEM_RESET;
    }

    static int allocationProtect(Kernel32 k, long address) {
        MEMORY_BASIC_INFORMATION m = new MEMORY_BASIC_INFORMATION();
        return k.VirtualQuery(address, m) != 0 && m.State != MEM_FREE ? m.AllocationProtect : 0;
    }

    static boolean privateAllocation(Kernel32 k, long address) {
        MEMORY_BASIC_INFORMATION m = new MEMORY_BASIC_INFORMATION();
        return k.VirtualQuery(address, m) != 0 && m.State != MEM_FREE && m.Type == MEM_PRIVATE;
    }

    static boolean writecopy(int protect) {
        int base = protect & 0xFF;
        return base == 0x08 || base == 0x80;
    }

    /** The SEC_* bits of CreateFileMapping's flProtect: SEC_* values are 0x100000 and up. */
    static boolean noSectionType(int flProtect) {
        int sec = flProtect & 0xFFF00000;
        return sec != 0 && (sec & (SEC_COMMIT | SEC_RESERVE | SEC_IMAGE)) == 0;
    }

    static boolean reserved(Kernel32 k, long address) {
        MEMORY_BASIC_INFORMATION m = new MEMORY_BASIC_INFORMATION();
        return k.VirtualQuery(address, m) != 0 && m.State == MEM_RESERVE;
    }
}
