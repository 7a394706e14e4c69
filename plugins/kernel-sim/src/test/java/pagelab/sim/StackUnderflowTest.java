package pagelab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinNT.*;

import org.junit.jupiter.api.Test;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.Kernel32;
import pagelab.kernel.LongByReference;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinProcess;

/**
 * Chapter 16, stack underflow: a touch above a thread's stack (at or above GetCurrentThreadStackLimits' high limit,
 * NT_TIB.StackBase) is not a stack fault at all. The stack grows down; above its high end lies whatever region the
 * address space happens to hold there, and the access gets what that region gives: an access violation where the
 * range is free or only reserved, a silent read or write where another allocation is committed. Sources: Windows via
 * C/C++ (5th ed.), ch. 16, "A Thread's Stack", on stack underflow: such an access does not necessarily raise an
 * access violation, since another region may lie right after the thread's stack, and then corrupts that region
 * without the system noticing; the course notes (seeds/001, ch. 16, 0.e): stack underflow is accessing the region
 * above the stack's high addresses, the stack growing down. The simulator does nothing special there: the MMU
 * finds whatever view holds the address, as Windows' page tables would.
 */
class StackUnderflowTest {
    private static final int PAGE = 4096;

    @Test
    void aboveTheMainThreadsStackLiesTheDefaultHeapWhichAnUnderflowCorruptsSilently() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            long high = highLimit(k);
            MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
            k.VirtualQuery(high, mbi);
            assertThat(mbi.AllocationBase).as("the reservation right above the stack is another one").isEqualTo(high);
            assertThat(mbi.State).isEqualTo(MEM_COMMIT);
            assertThat(k.GetProcessHeap()).as("here: the default process heap").isEqualTo(high);
            EXCEPTION_RECORD[] caught = new EXCEPTION_RECORD[1];
            p.seh().tryExcept(() -> p.memory().setInt(high + 0x100, 0xDEADBEEF), r -> {
                caught[0] = r.copy();
                return EXCEPTION_EXECUTE_HANDLER;
            }, r -> { });
            assertThat(caught[0]).as("no fault: the write landed in the heap").isNull();
            assertThat(p.memory().getInt(high + 0x100)).isEqualTo(0xDEADBEEF);
            assertThat(p.currentThread().stackBase()).as("the stack did not change").isEqualTo(high);
        }
    }

    @Test
    void aboveAStackWithFreeSpaceOverItAnUnderflowIsAnAccessViolationNotAStackOverflow() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            long[] high = {0};
            EXCEPTION_RECORD[] caught = new EXCEPTION_RECORD[2];
            long h = k.CreateThread(null, 0, arg -> {
                high[0] = highLimit(k);
                MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
                k.VirtualQuery(high[0], mbi);
                if (mbi.State != MEM_FREE) {
                    return 1;
                }
                p.seh().tryExcept(() -> p.memory().getByte(high[0] + 0x10), r -> {
                    caught[0] = r.copy();
                    return EXCEPTION_EXECUTE_HANDLER;
                }, r -> { });
                // The book's remedy for silent corruption: keep the range above the stack reserved, never committed.
                if (k.VirtualAlloc(high[0], 0x10000, MEM_RESERVE, PAGE_NOACCESS) != high[0]) {
                    return 2;
                }
                p.seh().tryExcept(() -> p.memory().setByte(high[0] + 0x2000, (byte) 1), r -> {
                    caught[1] = r.copy();
                    return EXCEPTION_EXECUTE_HANDLER;
                }, r -> { });
                return 0;
            }, 0, 0, null);
            assertThat(h).isNotZero();
            k.WaitForSingleObject(h, INFINITE);
            assertThat(p.inspector().threads()).anyMatch(t -> t.exitCode() == 0 && t.stackBase() == high[0]);
            assertThat(caught[0].ExceptionCode).isEqualTo(EXCEPTION_ACCESS_VIOLATION);
            assertThat(caught[0].ExceptionInformation[0]).as("a read").isZero();
            assertThat(caught[0].ExceptionInformation[1]).isEqualTo(high[0] + 0x10);
            assertThat(caught[1].ExceptionCode).isEqualTo(EXCEPTION_ACCESS_VIOLATION);
            assertThat(caught[1].ExceptionInformation[0]).as("a write").isEqualTo(1);
            assertThat(caught[1].ExceptionInformation[1]).isEqualTo(high[0] + 0x2000);
        }
    }

    private static long highLimit(Kernel32 k) {
        LongByReference lo = new LongByReference();
        LongByReference hi = new LongByReference();
        k.GetCurrentThreadStackLimits(lo, hi);
        return hi.getValue();
    }
}
