package pagelab.kernel.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pagelab.kernel.WinNT.*;

import org.junit.jupiter.api.Test;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.ProcessTerminatedException;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinProcess;
import pagelab.kernel.inspect.MachineCounters;

/**
 * The end of a process and the xv6-style leak check of house-style.md: once a process ends, its committed memory and
 * the frames it touched return to the machine (MSDN TerminateProcess / ExitProcess: the process's address space is
 * released); a thread of an ended process cannot call into it again (Kernel32 contract).
 */
class ProcessLifetimeTest extends KernelTestSupport {

    private WinProcess busyProcess() {
        WinProcess p = machine.createProcess();
        long a = p.kernel32().VirtualAlloc(0, 0x100000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
        assertThat(a).isNotZero();
        for (long off = 0; off < 0x100000; off += PAGE) {
            p.memory().setInt(a + off, (int) off);
        }
        return p;
    }

    @Test
    void terminateReleasesCommitAndFrames() {
        MachineCounters before = machine.inspector().counters();
        WinProcess p = busyProcess();
        assertThat(machine.inspector().counters().commitChargeBytes() - before.commitChargeBytes())
                .as("commit charged while the process runs").isGreaterThanOrEqualTo(0x100000L);
        p.terminate(3);
        MachineCounters after = machine.inspector().counters();
        assertThat(hex(after.commitChargeBytes())).as("commit charge after terminate")
                .isEqualTo(hex(before.commitChargeBytes()));
        assertThat(hex(after.physicalInUseBytes())).as("frames in use after terminate")
                .isEqualTo(hex(before.physicalInUseBytes()));
    }

    @Test
    void terminateSetsTheExitCodeAndEndsTheProcess() {
        WinProcess p = machine.createProcess();
        assertThat(p.isAlive()).isTrue();
        assertThat(p.exitCode()).as("STILL_ACTIVE while running").isEqualTo(STILL_ACTIVE);
        p.terminate(42);
        assertThat(p.isAlive()).isFalse();
        assertThat(p.exitCode()).isEqualTo(42);
        assertThat(p.inspector().isAlive()).isFalse();
    }

    @Test
    void callsFromAnEndedProcessThrowProcessTerminated() {
        WinProcess p = machine.createProcess();
        p.terminate(1);
        assertThatThrownBy(() -> p.kernel32().VirtualAlloc(0, 0x1000, MEM_COMMIT, PAGE_READWRITE))
                .isInstanceOf(ProcessTerminatedException.class)
                .satisfies(e -> assertThat(((ProcessTerminatedException) e).exitCode()).isEqualTo(1));
    }

    @Test
    void unhandledExceptionReleasesTheProcessesMemory() {
        MachineCounters before = machine.inspector().counters();
        WinProcess p = busyProcess();
        assertThatThrownBy(() -> p.memory().getInt(0)).isInstanceOf(UnhandledSehException.class);
        assertThat(p.isAlive()).isFalse();
        assertThat(hex(machine.inspector().counters().commitChargeBytes()))
                .isEqualTo(hex(before.commitChargeBytes()));
    }

    @Test
    void endingOneProcessLeavesAnotherUntouched() {
        long a = reserveCommit(0x1000, PAGE_READWRITE);
        mem.setInt(a, 1234);
        busyProcess().terminate(0);
        assertThat(process.isAlive()).isTrue();
        assertThat(mem.getInt(a)).isEqualTo(1234);
    }

    @Test
    void processesHaveSeparateAddressSpaces() {
        // Book ch. 13: every process has its own private address space
        WinProcess other = machine.createProcess();
        long a = reserveCommit(0x10000, PAGE_READWRITE);
        mem.setInt(a, 77);
        assertThat(other.id()).isNotEqualTo(process.id());
        var m = new pagelab.kernel.MEMORY_BASIC_INFORMATION();
        other.kernel32().VirtualQuery(a, m);
        assertThat(m.AllocationBase == a && m.State == MEM_COMMIT && other.memory().getInt(a) == 77)
                .as("the other process sees this process's allocation at %s", hex(a)).isFalse();
    }

    @Test
    void closingTheMachineEndsEveryProcess() {
        WinProcess p = machine.createProcess();
        machine.close();
        assertThat(p.isAlive()).isFalse();
        assertThat(process.isAlive()).isFalse();
        switchTo(MachineConfig.x86()); // so that the fixture's close has a live machine
    }
}
