package pagelab.kernel.conformance;

import static pagelab.kernel.WinNT.*;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;

/**
 * A deliberately simple model of one x86 address space, for {@link ModelBasedTest}: one protection per page of each
 * allocation the test made (0 = reserved), the bytes written, and the regions the process already had ("foreign",
 * never touched by the test). It encodes the same Windows rules as the unit tests, in the order
 * NtAllocateVirtualMemory, NtFreeVirtualMemory and NtProtectVirtualMemory check them: parameters first, then the
 * allocation lookup.
 */
final class ReferenceModel {
    static final long PAGE = 0x1000;
    static final long GRANULARITY = 0x10000;

    /** What VirtualQuery should report. */
    record Expected(long base, long allocationBase, int allocationProtect, long size, int state, int protect,
                    int type) {
        boolean sameAs(MEMORY_BASIC_INFORMATION m) {
            return m.BaseAddress == base && m.AllocationBase == allocationBase
                    && m.AllocationProtect == allocationProtect && m.RegionSize == size && m.State == state
                    && m.Protect == protect && m.Type == type;
        }

        @Override
        public String toString() {
            return String.format("{BaseAddress=%#x, AllocationBase=%#x, AllocationProtect=%#x, RegionSize=%#x, "
                    + "State=%#x, Protect=%#x, Type=%#x}", base, allocationBase, allocationProtect, size, state,
                    protect, type);
        }
    }

    /** One reservation the test made: its pages' protections, 0 for reserved-only. */
    static final class Allocation {
        final long base;
        final int allocationProtect;
        final int[] protect;

        Allocation(long base, long size, int allocationProtect) {
            this.base = base;
            this.allocationProtect = allocationProtect;
            this.protect = new int[(int) (size / PAGE)];
        }

        long end() {
            return base + protect.length * PAGE;
        }

        int index(long page) {
            return (int) ((page - base) / PAGE);
        }
    }

    private final TreeMap<Long, MEMORY_BASIC_INFORMATION> foreign = new TreeMap<>();
    private final TreeMap<Long, Allocation> allocations = new TreeMap<>();
    private final Map<Long, byte[]> contents = new HashMap<>();
    private final Set<Long> indeterminate = new HashSet<>();
    private final long end;

    /** Starts from a VirtualQuery walk of the fresh process; {@code end} is where that walk stopped. */
    ReferenceModel(List<MEMORY_BASIC_INFORMATION> baseline, long end) {
        for (MEMORY_BASIC_INFORMATION m : baseline) {
            if (m.State != MEM_FREE) {
                foreign.put(m.BaseAddress, m);
            }
        }
        this.end = end;
    }

    long end() {
        return end;
    }

    // ---- lookups ----

    Allocation allocationAt(long address) {
        var e = allocations.floorEntry(address);
        return e != null && address < e.getValue().end() ? e.getValue() : null;
    }

    MEMORY_BASIC_INFORMATION foreignAt(long address) {
        var e = foreign.floorEntry(address);
        return e != null && address - e.getKey() < e.getValue().RegionSize ? e.getValue() : null;
    }

    boolean isFree(long address) {
        return allocationAt(address) == null && foreignAt(address) == null;
    }

    /** Whether [from, to) holds no allocation at all, ours or foreign, and lies in user space. */
    boolean rangeFree(long from, long to) {
        if (from < GRANULARITY || to > end || from >= to) {
            return false;
        }
        var a = allocations.lowerEntry(to);
        if (a != null && a.getValue().end() > from) {
            return false;
        }
        var f = foreign.lowerEntry(to);
        return f == null || f.getKey() + f.getValue().RegionSize <= from;
    }

    List<Allocation> allocations() {
        return List.copyOf(allocations.values());
    }

    /** The protection of a page of one of our allocations: 0 reserved, else the committed protection. */
    int protectAt(long page) {
        Allocation a = allocationAt(page);
        return a == null ? -1 : a.protect[a.index(page)];
    }

    long committedPages() {
        long n = 0;
        for (Allocation a : allocations.values()) {
            for (int p : a.protect) {
                if (p != 0) {
                    n++;
                }
            }
        }
        return n;
    }

    // ---- what VirtualQuery should answer ----

    Expected query(long address) {
        long page = address & -PAGE;
        Allocation a = allocationAt(page);
        if (a != null) {
            int i = a.index(page);
            int p = a.protect[i];
            int j = i;
            while (j < a.protect.length && a.protect[j] == p) {
                j++;
            }
            return new Expected(page, a.base, a.allocationProtect, (j - i) * PAGE, p == 0 ? MEM_RESERVE : MEM_COMMIT,
                    p, MEM_PRIVATE);
        }
        MEMORY_BASIC_INFORMATION f = foreignAt(page);
        if (f != null) {
            return new Expected(page, f.AllocationBase, f.AllocationProtect, f.BaseAddress + f.RegionSize - page,
                    f.State, f.Protect, f.Type);
        }
        long next = end;
        var na = allocations.higherEntry(page);
        if (na != null) {
            next = Math.min(next, na.getKey());
        }
        var nf = foreign.higherEntry(page);
        if (nf != null) {
            next = Math.min(next, nf.getKey());
        }
        return new Expected(page, 0, 0, next - page, MEM_FREE, PAGE_NOACCESS, 0);
    }

    // ---- changes (called only for operations the model says succeed) ----

    void reserve(long base, long size, int allocationProtect, int commitProtect) {
        Allocation a = new Allocation(base, size, allocationProtect);
        java.util.Arrays.fill(a.protect, commitProtect);
        allocations.put(base, a);
        for (long p = base; p < a.end(); p += PAGE) {
            contents.remove(p);
            indeterminate.remove(p);
        }
    }

    void commit(long from, long to, int protect) {
        Allocation a = allocationAt(from);
        for (long p = from; p < to; p += PAGE) {
            int i = a.index(p);
            if (a.protect[i] == 0) {
                contents.remove(p);
                indeterminate.remove(p);
            }
            a.protect[i] = protect;
        }
    }

    void decommit(long from, long to) {
        Allocation a = allocationAt(from);
        for (long p = from; p < to; p += PAGE) {
            a.protect[a.index(p)] = 0;
            contents.remove(p);
            indeterminate.remove(p);
        }
    }

    void release(Allocation a) {
        decommit(a.base, a.end());
        allocations.remove(a.base);
    }

    void protect(long from, long to, int protect) {
        commit(from, to, protect);
    }

    /** MEM_RESET: committed pages may keep or lose their content from now on. */
    void reset(long from, long to) {
        for (long p = from; p < to; p += PAGE) {
            if (protectAt(p) > 0) {
                indeterminate.add(p);
            }
        }
    }

    void clearGuard(long page) {
        Allocation a = allocationAt(page);
        a.protect[a.index(page)] &= ~PAGE_GUARD;
    }

    // ---- content ----

    boolean isIndeterminate(long page) {
        return indeterminate.contains(page);
    }

    int readInt(long address) {
        byte[] b = contents.get(address & -PAGE);
        if (b == null) {
            return 0;
        }
        int o = (int) (address & (PAGE - 1));
        return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8 | (b[o + 2] & 0xFF) << 16 | (b[o + 3] & 0xFF) << 24;
    }

    void writeInt(long address, int value) {
        byte[] b = contents.computeIfAbsent(address & -PAGE, p -> new byte[(int) PAGE]);
        int o = (int) (address & (PAGE - 1));
        for (int i = 0; i < 4; i++) {
            b[o + i] = (byte) (value >>> (8 * i));
        }
    }

    // ---- protection classes ----

    static boolean readable(int protect) {
        int base = protect & 0xFF;
        return base == PAGE_READONLY || base == PAGE_READWRITE || base == PAGE_EXECUTE_READ
                || base == PAGE_EXECUTE_READWRITE;
    }

    static boolean writable(int protect) {
        int base = protect & 0xFF;
        return base == PAGE_READWRITE || base == PAGE_EXECUTE_READWRITE;
    }

    static boolean executable(int protect) {
        int base = protect & 0xFF;
        return base == PAGE_EXECUTE || base == PAGE_EXECUTE_READ || base == PAGE_EXECUTE_READWRITE;
    }

    /**
     * Whether MiMakeProtectionMask accepts the value: exactly one base value (copy-on-write ones included) and no
     * PAGE_GUARD on PAGE_NOACCESS (MSDN Memory Protection Constants). Checked before any address.
     */
    static boolean validProtection(int protect) {
        int base = protect & 0xFF;
        int modifiers = protect & ~0xFF;
        if (Integer.bitCount(base) != 1 || (modifiers & ~PAGE_GUARD) != 0) {
            return false;
        }
        return !((modifiers & PAGE_GUARD) != 0 && base == PAGE_NOACCESS);
    }

    /** Copy-on-write is refused for private memory, but only once the allocation was found (NtProtect/NtAllocate). */
    static boolean copyOnWrite(int protect) {
        return (protect & (PAGE_WRITECOPY | PAGE_EXECUTE_WRITECOPY)) != 0;
    }
}
