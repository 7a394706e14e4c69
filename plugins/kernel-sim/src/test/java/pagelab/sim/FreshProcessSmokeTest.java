package pagelab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pagelab.kernel.WinNT.*;

import org.junit.jupiter.api.Test;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.Kernel32;
import pagelab.kernel.LongByReference;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.Memory;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinProcess;
import pagelab.kernel.inspect.Allocation;

/** End-to-end smoke of the simulator through the public SPI: the paths every exercise uses. */
class FreshProcessSmokeTest {

    @Test
    void reserveCommitWriteReadRelease() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            Memory mem = p.memory();
            long base = k.VirtualAlloc(0, 0x10000, MEM_RESERVE, PAGE_READWRITE);
            assertThat(base & 0xFFFF).isZero();
            assertThat(k.VirtualAlloc(base + 0x1234, 4, MEM_COMMIT, PAGE_READWRITE)).isEqualTo(base + 0x1000);
            mem.setInt(base + 0x1234, 0x11223344);
            assertThat(mem.getInt(base + 0x1234)).isEqualTo(0x11223344);
            assertThat(mem.getByte(base + 0x1234)).isEqualTo((byte) 0x44);
            MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
            assertThat(k.VirtualQuery(base + 0x1000, mbi)).isEqualTo(28);
            assertThat(mbi.RegionSize).isEqualTo(0x1000);
            assertThat(mbi.State).isEqualTo(MEM_COMMIT);
            assertThat(k.VirtualFree(base, 0, MEM_RELEASE)).isTrue();
            assertThat(k.VirtualQuery(base, mbi)).isEqualTo(28);
            assertThat(mbi.State).isEqualTo(MEM_FREE);
        }
    }

    @Test
    void commitOnFaultFilterContinuesExecution() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            long base = k.VirtualAlloc(0, 0x100000, MEM_RESERVE, PAGE_READWRITE);
            int[] commits = {0};
            p.seh().tryExcept(() -> {
                for (int i = 0; i < 16; i++) {
                    p.memory().setInt(base + i * 0x10000L + 8, i);
                }
            }, (EXCEPTION_RECORD r) -> {
                if (r.ExceptionCode != EXCEPTION_ACCESS_VIOLATION) {
                    return EXCEPTION_CONTINUE_SEARCH;
                }
                commits[0]++;
                k.VirtualAlloc(r.ExceptionInformation[1], 1, MEM_COMMIT, PAGE_READWRITE);
                return EXCEPTION_CONTINUE_EXECUTION;
            }, r -> {
                throw new AssertionError("handler must not run");
            });
            assertThat(commits[0]).isEqualTo(16);
            assertThat(p.memory().getInt(base + 15 * 0x10000L + 8)).isEqualTo(15);
        }
    }

    @Test
    void unhandledAccessViolationEndsTheProcess() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            WinProcess p = m.createProcess();
            assertThatThrownBy(() -> p.memory().getInt(0))
                    .isInstanceOf(UnhandledSehException.class)
                    .satisfies(e -> assertThat(((UnhandledSehException) e).record().ExceptionCode)
                            .isEqualTo(EXCEPTION_ACCESS_VIOLATION));
            assertThat(p.isAlive()).isFalse();
            assertThat(p.exitCode()).isEqualTo(EXCEPTION_ACCESS_VIOLATION);
        }
    }

    @Test
    void stackGrowsThroughTheGuardPage() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            LongByReference lo = new LongByReference();
            LongByReference hi = new LongByReference();
            k.GetCurrentThreadStackLimits(lo, hi);
            assertThat(hi.getValue() - lo.getValue()).isEqualTo(0x100000);
            long top = hi.getValue();
            for (long a = top - 8; a > top - 0x10000; a -= 0x1000) {
                p.memory().setLong(a, a);
            }
            assertThat(p.currentThread().stackLimit()).isEqualTo(top - 0x10000);
            MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
            k.VirtualQuery(top - 0x11000, mbi);
            assertThat(mbi.Protect).isEqualTo(PAGE_READWRITE | PAGE_GUARD);
        }
    }

    @Test
    void freshProcessLooksLikeVmmap() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            WinProcess p = m.createProcess();
            var snap = p.inspector().snapshot();
            assertThat(snap.allocationAt(0x00400000)).extracting(Allocation::type).isEqualTo(MEM_IMAGE);
            assertThat(snap.allocations()).anyMatch(a -> a.detail().startsWith("Thread stack"));
            assertThat(snap.allocations()).anyMatch(a -> a.detail().startsWith("Heap"));
            assertThat(snap.allocations()).anyMatch(a -> a.detail().equals("PEB") && a.base() == 0x7FFDF000L);
            assertThat(p.kernel32().GetProcessHeap()).isNotZero();
        }
    }
}
