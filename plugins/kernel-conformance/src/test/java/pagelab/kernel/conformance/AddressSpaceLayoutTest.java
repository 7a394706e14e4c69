package pagelab.kernel.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinError.ERROR_INVALID_PARAMETER;
import static pagelab.kernel.WinNT.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pagelab.kernel.LongByReference;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.ThreadContext;
import pagelab.kernel.WinProcess;

/**
 * The address space of a fresh x86 process as VMMap shows it. Sources: book ch. 13-14 (the exe mapped at its
 * preferred base 0x00400000 as MEM_IMAGE, system DLLs high in user space, the NULL-pointer partition free, PEB and TEB
 * pages near the top), ch. 16 (a thread stack is a 1 MiB reservation with the top page committed and a PAGE_GUARD page
 * below it), ch. 18 (the default process heap, a handle that is the heap's address in a private allocation); MSDN
 * GetCurrentThreadStackLimits ("the lower/upper boundary of the current thread stack"); kernel-spi.md (same seed, same
 * addresses; ASLR driven by the seed).
 */
class AddressSpaceLayoutTest extends KernelTestSupport {

    private static final long EXE_BASE = 0x00400000L;

    private List<MEMORY_BASIC_INFORMATION> imageAllocations(List<MEMORY_BASIC_INFORMATION> regions) {
        List<MEMORY_BASIC_INFORMATION> images = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (MEMORY_BASIC_INFORMATION m : regions) {
            if (m.Type == MEM_IMAGE && seen.add(m.AllocationBase)) {
                images.add(m);
            }
        }
        return images;
    }

    @Test
    void exeImageIsMappedAtItsPreferredBase() {
        var m = query(EXE_BASE);
        assertThat(hex(m.Type)).as("Type at 0x00400000").isEqualTo(hex(MEM_IMAGE));
        assertThat(hex(m.AllocationBase)).as("AllocationBase at 0x00400000").isEqualTo(hex(EXE_BASE));
        assertThat(hex(m.State)).as("State at 0x00400000 (the headers)").isEqualTo(hex(MEM_COMMIT));
    }

    @Test
    void systemDllImagesLieHighInUserSpace() {
        List<Long> dllBases = new ArrayList<>();
        for (MEMORY_BASIC_INFORMATION m : imageAllocations(walk())) {
            if (m.AllocationBase != EXE_BASE) {
                dllBases.add(m.AllocationBase);
            }
        }
        assertThat(dllBases).as("DLL image bases").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(b -> assertThat(b).as("DLL base %s", hex(b)).isBetween(0x40000000L, 0x7FFF0000L));
        assertThat(dllBases).allSatisfy(b -> assertThat(b % GRANULARITY).as("DLL base %s", hex(b)).isZero());
    }

    @Test
    void threadStackIsAReservationWithACommittedTopPageAndAGuardPageBelow() {
        LongByReference low = new LongByReference();
        LongByReference high = new LongByReference();
        k.GetCurrentThreadStackLimits(low, high);
        long lo = low.getValue();
        long hi = high.getValue();
        assertThat(lo % GRANULARITY).as("stack reservation base %s", hex(lo)).isZero();
        assertThat(hi).as("stack top").isGreaterThan(lo);
        var top = query(hi - 1);
        assertThat(hex(top.AllocationBase)).as("AllocationBase of the stack top").isEqualTo(hex(lo));
        assertThat(hex(top.State)).as("State of the top page").isEqualTo(hex(MEM_COMMIT));
        assertThat(hex(top.Protect)).as("Protect of the top page").isEqualTo(hex(PAGE_READWRITE));
        assertThat(hex(top.Type)).isEqualTo(hex(MEM_PRIVATE));
        assertThat(hex(top.BaseAddress + top.RegionSize)).as("committed block ends at the top").isEqualTo(hex(hi));
        var guard = query(top.BaseAddress - 1);
        assertThat(hex(guard.State)).as("State below the committed top").isEqualTo(hex(MEM_COMMIT));
        assertThat(hex(guard.Protect)).as("Protect below the committed top")
                .isEqualTo(hex(PAGE_READWRITE | PAGE_GUARD));
        assertThat(hex(guard.RegionSize)).as("one guard page").isEqualTo(hex(PAGE));
        var reserved = query(lo);
        assertThat(hex(reserved.State)).as("State at the stack's base").isEqualTo(hex(MEM_RESERVE));
        assertThat(hex(reserved.BaseAddress + reserved.RegionSize)).as("reserved up to the guard page")
                .isEqualTo(hex(guard.BaseAddress));
    }

    @Test
    void stackLimitsAgreeWithTheThreadContext() {
        LongByReference low = new LongByReference();
        LongByReference high = new LongByReference();
        k.GetCurrentThreadStackLimits(low, high);
        ThreadContext t = process.currentThread();
        assertThat(hex(t.deallocationStack())).as("DeallocationStack").isEqualTo(hex(low.getValue()));
        assertThat(hex(t.stackBase())).as("StackBase").isEqualTo(hex(high.getValue()));
        assertThat(t.stackLimit()).as("StackLimit").isBetween(low.getValue(), high.getValue());
        assertThat(t.threadId()).isEqualTo(k.GetCurrentThreadId());
    }

    @Test
    void defaultStackReserveIsOneMebibyte() {
        // Book ch. 16: the linker's default /STACK reserve is 1 MiB
        LongByReference low = new LongByReference();
        LongByReference high = new LongByReference();
        k.GetCurrentThreadStackLimits(low, high);
        assertThat(hex(high.getValue() - low.getValue())).isEqualTo(hex(0x100000L));
    }

    @Test
    void defaultHeapLiesInACommittedPrivateAllocation() {
        long heap = k.GetProcessHeap();
        assertThat(heap).as("GetProcessHeap()").isNotZero();
        var m = query(heap);
        assertThat(hex(m.State)).as("State at the heap").isEqualTo(hex(MEM_COMMIT));
        assertThat(hex(m.Type)).as("Type at the heap").isEqualTo(hex(MEM_PRIVATE));
    }

    @Test
    void heapHandleIsTheBaseOfItsAllocation() {
        // Book ch. 18: a heap handle is the address of the heap's first segment, returned by VirtualAlloc
        long heap = k.GetProcessHeap();
        assertThat(hex(query(heap).AllocationBase)).isEqualTo(hex(heap));
    }

    @Test
    void nullPointerPartitionIsFreeAndCannotBeAllocated() {
        assertThat(hex(query(0).State)).isEqualTo(hex(MEM_FREE));
        assertThat(hex(query(0x8000).State)).isEqualTo(hex(MEM_FREE));
        k.SetLastError(DEADBEEF);
        assertThat(k.VirtualAlloc(0x1000, 0x1000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE)).isZero();
        assertLastError(ERROR_INVALID_PARAMETER, "VirtualAlloc(0x1000, ...)");
    }

    @Test
    void processEnvironmentPagesLieNearTheTopOfUserSpace() {
        // Book ch. 13-14 (VMMap of a fresh process): PEB and TEB pages below the off-limits partition, allocated at
        // page (not 64 KiB) granularity
        boolean found = false;
        for (MEMORY_BASIC_INFORMATION m : walk()) {
            if (m.State != MEM_FREE && m.BaseAddress >= 0x7F000000L && m.AllocationBase % GRANULARITY != 0) {
                found = true;
            }
        }
        assertThat(found).as("a committed allocation above 0x7F000000 whose base is not 64 KiB aligned").isTrue();
    }

    private static List<String> layoutOf(MachineConfig c) {
        try (Machine m = Machine.create(c)) {
            WinProcess p = m.createProcess();
            List<String> out = new ArrayList<>();
            long a = 0;
            MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
            while (p.kernel32().VirtualQuery(a, mbi) != 0 && mbi.RegionSize > 0) {
                out.add(mbi.toString());
                a = mbi.BaseAddress + mbi.RegionSize;
            }
            return out;
        }
    }

    private static Set<Long> imageBasesOf(MachineConfig c) {
        Set<Long> bases = new HashSet<>();
        try (Machine m = Machine.create(c)) {
            WinProcess p = m.createProcess();
            long a = 0;
            MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
            while (p.kernel32().VirtualQuery(a, mbi) != 0 && mbi.RegionSize > 0) {
                if (mbi.Type == MEM_IMAGE) {
                    bases.add(mbi.AllocationBase);
                }
                a = mbi.BaseAddress + mbi.RegionSize;
            }
        }
        return bases;
    }

    @Test
    void sameSeedGivesTheSameLayout() {
        MachineConfig c = MachineConfig.x86().aslr(true).seed(1234);
        assertThat(layoutOf(c)).isEqualTo(layoutOf(c));
        assertThat(layoutOf(MachineConfig.x86().seed(99))).isEqualTo(layoutOf(MachineConfig.x86().seed(99)));
    }

    @Test
    void aslrWithDifferentSeedsMovesTheImages() {
        Set<Set<Long>> layouts = new HashSet<>();
        for (long seed = 1; seed <= 6; seed++) {
            layouts.add(imageBasesOf(MachineConfig.x86().aslr(true).seed(seed)));
        }
        assertThat(layouts).as("image bases of six seeds").hasSizeGreaterThan(1);
    }

    @Test
    void withoutAslrTheExeStaysAtItsPreferredBaseWhateverTheSeed() {
        for (long seed = 1; seed <= 3; seed++) {
            assertThat(imageBasesOf(MachineConfig.x86().seed(seed))).as("seed %d", seed).contains(EXE_BASE);
        }
    }

    @Test
    void everyAllocationOfAFreshProcessIsInsideUserSpace() {
        for (MEMORY_BASIC_INFORMATION m : walk()) {
            if (m.State != MEM_FREE) {
                assertThat(m.BaseAddress).as("region %s", m).isGreaterThanOrEqualTo(0x10000L);
                assertThat(m.BaseAddress + m.RegionSize).as("region %s", m).isLessThanOrEqualTo(0x7FFF0000L);
            }
        }
    }
}
