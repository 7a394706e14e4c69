package pagelab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinNT.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;
import pagelab.kernel.LongByReference;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinProcess;

/** Chapter 16: thread stacks grow through their guard page, overflow at the second-lowest page, and threads end. */
class ThreadStackTest {
    private static final int PAGE = 4096;

    @Test
    void touchingPagesInOrderGrowsTheStackUntilTheOverflowAtTheSecondLowestPage() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            LongByReference lo = new LongByReference();
            LongByReference hi = new LongByReference();
            k.GetCurrentThreadStackLimits(lo, hi);
            List<Long> overflowAt = new ArrayList<>();
            p.seh().tryExcept(() -> {
                for (long a = hi.getValue() - PAGE; a >= lo.getValue(); a -= PAGE) {
                    p.memory().setByte(a, (byte) 1);
                }
            }, r -> {
                overflowAt.add(r.ExceptionInformation[1]);
                return r.ExceptionCode == EXCEPTION_STACK_OVERFLOW ? EXCEPTION_EXECUTE_HANDLER : EXCEPTION_CONTINUE_SEARCH;
            }, r -> { });
            // The guard page reaches the third-lowest page; touching it commits the second-lowest and overflows.
            assertThat(overflowAt).containsExactly(lo.getValue() + 2 * PAGE);
            MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
            k.VirtualQuery(lo.getValue(), mbi);
            assertThat(mbi.State).as("the lowest page is never committed").isEqualTo(MEM_RESERVE);
            k.VirtualQuery(lo.getValue() + PAGE, mbi);
            assertThat(mbi.State).isEqualTo(MEM_COMMIT);
            assertThat(mbi.Protect).as("the second-lowest page has no guard").isEqualTo(PAGE_READWRITE);
            assertThat(p.currentThread().stackLimit()).isEqualTo(lo.getValue() + PAGE);
        }
    }

    @Test
    void skippingTheGuardPageIsAnAccessViolation() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            WinProcess p = m.createProcess();
            long top = p.currentThread().stackBase();
            int[] code = {0};
            p.seh().tryExcept(() -> p.memory().setByte(top - 3 * PAGE, (byte) 1),
                    r -> {
                        code[0] = r.ExceptionCode;
                        return EXCEPTION_EXECUTE_HANDLER;
                    }, r -> { });
            assertThat(code[0]).isEqualTo(EXCEPTION_ACCESS_VIOLATION);
        }
    }

    @Test
    void createThreadRunsOnItsOwnStackAndReportsItsExitCode() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            long[] seen = new long[3];
            IntByReference tid = new IntByReference();
            long h = k.CreateThread(null, 0x10000, param -> {
                LongByReference lo = new LongByReference();
                LongByReference hi = new LongByReference();
                k.GetCurrentThreadStackLimits(lo, hi);
                seen[0] = lo.getValue();
                seen[1] = hi.getValue();
                seen[2] = k.GetCurrentThreadId();
                return (int) param + 1;
            }, 41, 0, tid);
            assertThat(h).isNotZero();
            assertThat(k.WaitForSingleObject(h, INFINITE)).isEqualTo(WAIT_OBJECT_0);
            assertThat(seen[2]).isEqualTo(tid.getValue()).isNotEqualTo(k.GetCurrentThreadId());
            assertThat(seen[1] - seen[0]).isEqualTo(0x100000);
            assertThat(p.inspector().threads()).anyMatch(t -> t.threadId() == tid.getValue() && t.exitCode() == 42);
            MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
            k.VirtualQuery(seen[0], mbi);
            assertThat(mbi.State).as("an ended thread's stack is freed").isEqualTo(MEM_FREE);
            assertThat(k.CloseHandle(h)).isTrue();
            assertThat(k.WaitForSingleObject(h, 0)).isEqualTo(WAIT_FAILED);
        }
    }

    @Test
    void aCheckerCanShrinkTheStackReservationOfNewProcesses() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            m.faultInjection().setDefaultStackReserve(0x20000);
            WinProcess p = m.createProcess();
            assertThat(p.currentThread().stackBase() - p.currentThread().deallocationStack()).isEqualTo(0x20000);
            m.faultInjection().clear();
            WinProcess q = m.createProcess();
            assertThat(q.currentThread().stackBase() - q.currentThread().deallocationStack()).isEqualTo(0x100000);
        }
    }
}
