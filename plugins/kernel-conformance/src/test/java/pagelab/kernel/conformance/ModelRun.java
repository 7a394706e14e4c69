package pagelab.kernel.conformance;

import static pagelab.kernel.WinError.ERROR_INVALID_ADDRESS;
import static pagelab.kernel.WinError.ERROR_INVALID_PARAMETER;
import static pagelab.kernel.WinNT.*;

import java.util.List;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.IntByReference;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.WinProcess;
import pagelab.kernel.conformance.ReferenceModel.Allocation;

/**
 * The driving half of a {@link ModelBasedTest} run: seeded random VirtualAlloc / VirtualFree / VirtualProtect /
 * VirtualQuery calls and loads, stores and fetches, each with the outcome the model predicts (parameters checked
 * before the allocation lookup, as NtAllocateVirtualMemory, NtFreeVirtualMemory and NtProtectVirtualMemory do).
 */
final class ModelRun extends ModelChecks {
    private static final int[] VALID = {PAGE_NOACCESS, PAGE_READONLY, PAGE_READWRITE, PAGE_EXECUTE, PAGE_EXECUTE_READ,
        PAGE_EXECUTE_READWRITE, PAGE_READWRITE | PAGE_GUARD, PAGE_READONLY | PAGE_GUARD};
    private static final int[] INVALID = {0, PAGE_WRITECOPY, PAGE_EXECUTE_WRITECOPY, PAGE_READONLY | PAGE_READWRITE,
        PAGE_GUARD, PAGE_GUARD | PAGE_NOACCESS, PAGE_EXECUTE | PAGE_READONLY};

    private final int steps;
    private final String avoid;
    private long windowStart;
    private long windowPages;

    ModelRun(long seed, WinProcess process, int steps, String avoid) {
        super(seed, process);
        this.steps = steps;
        this.avoid = avoid;
    }

    void go() {
        warmUp();
        List<MEMORY_BASIC_INFORMATION> baseline = walk();
        MEMORY_BASIC_INFORMATION last = baseline.get(baseline.size() - 1);
        model = new ReferenceModel(baseline, last.BaseAddress + last.RegionSize);
        commitBaseline = process.inspector().counters().privateCommitBytes();
        chooseWindow(baseline);
        checkInvariants();
        for (step = 1; step <= steps; step++) {
            oneStep();
            checkInvariants();
        }
    }

    /** Lets the kernel attach this thread and set up SEH before the baseline is taken. */
    private void warmUp() {
        k.VirtualQuery(0, new MEMORY_BASIC_INFORMATION());
        seh.tryExcept(() -> mem.getInt(0), r -> EXCEPTION_EXECUTE_HANDLER, r -> { });
    }

    /** 32 MiB of free space, 1 MiB into the largest free region below 0x70000000, for explicit addresses. */
    private void chooseWindow(List<MEMORY_BASIC_INFORMATION> baseline) {
        MEMORY_BASIC_INFORMATION best = null;
        for (MEMORY_BASIC_INFORMATION m : baseline) {
            if (m.State == MEM_FREE && m.BaseAddress < 0x70000000L
                    && (best == null || m.RegionSize > best.RegionSize)) {
                best = m;
            }
        }
        expect("a free region of 40 MiB for the window", best != null && best.RegionSize >= (40L << 20), true);
        windowStart = (best.BaseAddress + (1L << 20) + 0xFFFF) & ~0xFFFFL;
        windowPages = (32L << 20) / PAGE;
    }

    private void oneStep() {
        int dice = rnd.nextInt(100);
        if (model.allocations().size() > 48 && dice < 60) {
            release();
        } else if (dice < 12) {
            reserveAt();
        } else if (dice < 18) {
            reserveAnywhere();
        } else if (dice < 32) {
            commit();
        } else if (dice < 34) {
            reset();
        } else if (dice < 43) {
            decommit();
        } else if (dice < 51) {
            release();
        } else if (dice < 53) {
            badFreeType();
        } else if (dice < 66) {
            protect();
        } else if (dice < 72) {
            query();
        } else if (dice < 84) {
            load();
        } else if (dice < 96) {
            store();
        } else {
            execute();
        }
    }

    // ---- random arguments ----

    private int protection() {
        return rnd.nextInt(100) < 6 ? INVALID[rnd.nextInt(INVALID.length)] : VALID[rnd.nextInt(VALID.length)];
    }

    private long size() {
        long pages = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 40 : 8);
        return rnd.nextInt(4) == 0 ? pages * PAGE - rnd.nextInt((int) PAGE) : pages * PAGE;
    }

    /** An address in one of our allocations (or just past one), or anywhere in the window; never foreign. */
    private long address() {
        List<Allocation> all = model.allocations();
        long a;
        if (!all.isEmpty() && rnd.nextInt(4) != 0) {
            Allocation al = all.get(rnd.nextInt(all.size()));
            a = al.base + rnd.nextInt(al.protect.length + 1) * PAGE;
            if (a >= al.end() && !model.isFree(a)) {
                a = al.base;
            }
        } else {
            a = windowStart + rnd.nextInt((int) windowPages) * PAGE;
        }
        return rnd.nextInt(3) == 0 ? a + rnd.nextInt((int) PAGE) : a;
    }

    private static long pageUp(long v) {
        return (v + PAGE - 1) & -PAGE;
    }

    // ---- operations ----

    private void reserveAt() {
        long addr = windowStart + rnd.nextInt((int) windowPages) * PAGE + (rnd.nextBoolean() ? rnd.nextInt(4096) : 0);
        long size = size() + (rnd.nextInt(3) == 0 ? rnd.nextInt(8) * 0x10000L : 0);
        int type = MEM_RESERVE | (rnd.nextInt(3) == 0 ? MEM_COMMIT : 0);
        int prot = protection();
        op = String.format("VirtualAlloc(%#x, %#x, %#x, %#x)", addr, size, type, prot);
        long base = addr & ~0xFFFFL;
        long end = pageUp(addr + size);
        k.SetLastError(DEADBEEF);
        long r = k.VirtualAlloc(addr, size, type, prot);
        if (!ReferenceModel.validProtection(prot) || ReferenceModel.copyOnWrite(prot)) {
            expectFailure(r, ERROR_INVALID_PARAMETER);
        } else if (!model.rangeFree(base, end)) {
            expectFailure(r, ERROR_INVALID_ADDRESS);
        } else {
            expect("returned address", hex(r), hex(base));
            model.reserve(base, end - base, prot, (type & MEM_COMMIT) != 0 ? prot : 0);
        }
    }

    private void reserveAnywhere() {
        long size = size();
        int type = rnd.nextInt(5) == 0 ? MEM_COMMIT
                : MEM_RESERVE | (rnd.nextBoolean() ? MEM_COMMIT : 0) | (rnd.nextInt(4) == 0 ? MEM_TOP_DOWN : 0);
        int prot = protection();
        op = String.format("VirtualAlloc(NULL, %#x, %#x, %#x)", size, type, prot);
        k.SetLastError(DEADBEEF);
        long r = k.VirtualAlloc(0, size, type, prot);
        if (!ReferenceModel.validProtection(prot) || ReferenceModel.copyOnWrite(prot)) {
            expectFailure(r, ERROR_INVALID_PARAMETER);
            return;
        }
        expect("succeeded (" + KernelTestSupport.errorName(k.GetLastError()) + ")", r != 0, true);
        expect("64 KiB aligned " + hex(r), r % ReferenceModel.GRANULARITY, 0L);
        expect("returned range " + hex(r) + " was free", model.rangeFree(r, r + pageUp(size)), true);
        model.reserve(r, pageUp(size), prot, (type & MEM_COMMIT) != 0 ? prot : 0);
    }

    private void commit() {
        long addr = address();
        long size = size();
        int prot = protection();
        op = String.format("VirtualAlloc(%#x, %#x, MEM_COMMIT, %#x)", addr, size, prot);
        long start = addr & -PAGE;
        long end = pageUp(addr + size);
        Allocation a = model.allocationAt(start);
        k.SetLastError(DEADBEEF);
        long r = k.VirtualAlloc(addr, size, MEM_COMMIT, prot);
        if (!ReferenceModel.validProtection(prot) || addr + size > model.end()) {
            // NtAllocateVirtualMemory: a range past the user-mode partition is STATUS_INVALID_PARAMETER_4
            expectFailure(r, ERROR_INVALID_PARAMETER);
        } else if ((a == null || end > a.end()) && addr + size > model.end() - ReferenceModel.GRANULARITY) {
            // past MM_HIGHEST_VAD_ADDRESS (64 KiB below the top) and in no allocation: either error is accepted
            expectFailure(r, ERROR_INVALID_PARAMETER, ERROR_INVALID_ADDRESS);
        } else if ((a == null || end > a.end()) && ReferenceModel.copyOnWrite(prot)) {
            // two errors at once: the unit tests pin the order (allocation lookup first); here either is accepted
            expectFailure(r, ERROR_INVALID_ADDRESS, ERROR_INVALID_PARAMETER);
        } else if (a == null || end > a.end()) {
            expectFailure(r, ERROR_INVALID_ADDRESS);
        } else if (ReferenceModel.copyOnWrite(prot)) {
            expectFailure(r, ERROR_INVALID_PARAMETER);
        } else {
            expect("returned address", hex(r), hex(start));
            model.commit(start, end, prot);
        }
    }

    private void reset() {
        long addr = address() & -PAGE;
        long size = size();
        op = String.format("VirtualAlloc(%#x, %#x, MEM_RESET, PAGE_NOACCESS)", addr, size);
        long end = pageUp(addr + size);
        Allocation a = model.allocationAt(addr);
        k.SetLastError(DEADBEEF);
        long r = k.VirtualAlloc(addr, size, MEM_RESET, PAGE_NOACCESS);
        if (addr + size > model.end()) {
            expectFailure(r, ERROR_INVALID_PARAMETER);
        } else if ((a == null || end > a.end()) && addr + size > model.end() - ReferenceModel.GRANULARITY) {
            expectFailure(r, ERROR_INVALID_PARAMETER, ERROR_INVALID_ADDRESS);
        } else if (a == null || end > a.end()) {
            expectFailure(r, ERROR_INVALID_ADDRESS);
        } else {
            expect("returned address", hex(r), hex(addr));
            model.reset(addr, end);
        }
    }

    private void decommit() {
        long addr = address();
        long size = rnd.nextInt(5) == 0 ? 0 : size();
        Allocation at = model.allocationAt(addr & -PAGE);
        if (size == 0 && at != null && avoid.contains("decommit0")) {
            addr = at.base;
        }
        op = String.format("VirtualFree(%#x, %#x, MEM_DECOMMIT)", addr, size);
        long start = addr & -PAGE;
        Allocation a = model.allocationAt(start);
        k.SetLastError(DEADBEEF);
        boolean ok = k.VirtualFree(addr, size, MEM_DECOMMIT);
        if (a == null) {
            expectFailure(ok, ERROR_INVALID_ADDRESS);
        } else if (size == 0 && start != a.base) {
            expectFailure(ok, ERROR_INVALID_ADDRESS);
        } else if (size != 0 && pageUp(addr + size) > a.end()) {
            expectFailure(ok, ERROR_INVALID_PARAMETER);
        } else {
            expect("VirtualFree succeeded (" + KernelTestSupport.errorName(k.GetLastError()) + ")", ok, true);
            model.decommit(size == 0 ? a.base : start, size == 0 ? a.end() : pageUp(addr + size));
        }
    }

    private void release() {
        List<Allocation> all = model.allocations();
        int kind = rnd.nextInt(10);
        long addr = all.isEmpty() || kind >= 8 ? address() : all.get(rnd.nextInt(all.size())).base;
        if (kind == 7) {
            addr += rnd.nextInt(3) * PAGE + rnd.nextInt((int) PAGE);
        }
        long size = kind == 6 ? size() : 0;
        op = String.format("VirtualFree(%#x, %#x, MEM_RELEASE)", addr, size);
        Allocation a = model.allocationAt(addr & -PAGE);
        k.SetLastError(DEADBEEF);
        boolean ok = k.VirtualFree(addr, size, MEM_RELEASE);
        if (size != 0) {
            expectFailure(ok, ERROR_INVALID_PARAMETER);
        } else if (a == null || (addr & -PAGE) != a.base) {
            expectFailure(ok, ERROR_INVALID_ADDRESS);
        } else {
            expect("VirtualFree succeeded (" + KernelTestSupport.errorName(k.GetLastError()) + ")", ok, true);
            model.release(a);
        }
    }

    private void badFreeType() {
        int[] types = {0, MEM_RELEASE | MEM_DECOMMIT, MEM_FREE, MEM_COMMIT};
        long addr = address();
        int type = types[rnd.nextInt(types.length)];
        op = String.format("VirtualFree(%#x, 0, %#x)", addr, type);
        k.SetLastError(DEADBEEF);
        expectFailure(k.VirtualFree(addr, 0, type), ERROR_INVALID_PARAMETER);
    }

    private void protect() {
        long addr = address();
        long size = size();
        int prot = protection();
        op = String.format("VirtualProtect(%#x, %#x, %#x)", addr, size, prot);
        long start = addr & -PAGE;
        long end = pageUp(addr + size);
        Allocation a = model.allocationAt(start);
        IntByReference old = new IntByReference(DEADBEEF);
        k.SetLastError(DEADBEEF);
        boolean ok = k.VirtualProtect(addr, size, prot, old);
        if (!ReferenceModel.validProtection(prot) || addr + size > model.end()) {
            // NtProtectVirtualMemory: a range past the user-mode partition is STATUS_INVALID_PARAMETER_3
            expectFailure(ok, ERROR_INVALID_PARAMETER);
        } else if ((a == null || end > a.end() || !allCommitted(start, end)) && ReferenceModel.copyOnWrite(prot)) {
            // two errors at once: the unit tests pin the order; here either is accepted
            expectFailure(ok, ERROR_INVALID_ADDRESS, ERROR_INVALID_PARAMETER);
        } else if (a == null || end > a.end()) {
            expectFailure(ok, ERROR_INVALID_ADDRESS);
        } else if (ReferenceModel.copyOnWrite(prot)) {
            expectFailure(ok, ERROR_INVALID_PARAMETER);
        } else if (!allCommitted(start, end)) {
            expectFailure(ok, ERROR_INVALID_ADDRESS);
        } else {
            expect("VirtualProtect succeeded (" + KernelTestSupport.errorName(k.GetLastError()) + ")", ok, true);
            expect("old protection (first page)", hex(old.getValue()), hex(model.protectAt(start)));
            model.protect(start, end, prot);
        }
    }

    private boolean allCommitted(long from, long to) {
        for (long p = from; p < to; p += PAGE) {
            if (model.protectAt(p) <= 0) {
                return false;
            }
        }
        return true;
    }

    private void query() {
        long addr;
        int kind = rnd.nextInt(10);
        if (kind == 0) {
            addr = model.end() + rnd.nextInt(0x10000) + (rnd.nextBoolean() ? 0 : 0x8000000L);
            op = String.format("VirtualQuery(%#x) above user space", addr);
            k.SetLastError(DEADBEEF);
            expect("return value", k.VirtualQuery(addr, new MEMORY_BASIC_INFORMATION()), 0L);
            expect("GetLastError()", KernelTestSupport.errorName(k.GetLastError()),
                    KernelTestSupport.errorName(ERROR_INVALID_PARAMETER));
            return;
        }
        addr = kind < 5 ? address() : (rnd.nextLong() & Long.MAX_VALUE) % model.end();
        op = String.format("VirtualQuery(%#x)", addr);
        compareQuery(addr);
    }

    private void load() {
        long addr = address() & ~3L;
        op = String.format("getInt(%#x)", addr);
        int prot = model.protectAt(addr & -PAGE);
        int[] value = new int[1];
        EXCEPTION_RECORD r = access(() -> value[0] = mem.getInt(addr));
        if (prot > 0 && (prot & 0xFF) == PAGE_EXECUTE && (prot & PAGE_GUARD) == 0) {
            return; // whether PAGE_EXECUTE is readable is not documented: accept either answer
        }
        if (expectFault(r, prot, addr, EXCEPTION_READ_FAULT, ReferenceModel.readable(prot))) {
            return;
        }
        if (!model.isIndeterminate(addr & -PAGE)) {
            expect("value read", hex(value[0]), hex(model.readInt(addr)));
        }
    }

    private void store() {
        long addr = address() & ~3L;
        int v = rnd.nextInt();
        op = String.format("setInt(%#x, %#x)", addr, v);
        int prot = model.protectAt(addr & -PAGE);
        EXCEPTION_RECORD r = access(() -> mem.setInt(addr, v));
        if (!expectFault(r, prot, addr, EXCEPTION_WRITE_FAULT, ReferenceModel.writable(prot))) {
            model.writeInt(addr, v);
        }
    }

    private void execute() {
        long addr = address();
        int prot = model.protectAt(addr & -PAGE);
        if (prot <= 0 || (prot & 0xFF) == PAGE_NOACCESS) {
            return; // the fault kind of a fetch from a non-present page is not documented
        }
        op = String.format("execute(%#x)", addr);
        EXCEPTION_RECORD r = access(() -> mem.execute(addr));
        expectFault(r, prot, addr, EXCEPTION_EXECUTE_FAULT, ReferenceModel.executable(prot));
    }
}
