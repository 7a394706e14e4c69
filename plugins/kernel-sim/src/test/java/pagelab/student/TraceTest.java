package pagelab.student;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinNT.EXCEPTION_EXECUTE_HANDLER;
import static pagelab.kernel.WinNT.MEM_COMMIT;
import static pagelab.kernel.WinNT.MEM_RELEASE;
import static pagelab.kernel.WinNT.MEM_RESERVE;
import static pagelab.kernel.WinNT.PAGE_READWRITE;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinProcess;
import pagelab.kernel.inspect.FaultEvent;
import pagelab.kernel.inspect.KernelCall;
import pagelab.kernel.inspect.TraceEvent;

/**
 * In a package of its own, as a student's code is: the trace names the first stack frame outside the kernel.
 * The trace keeps a run's first events, each with the Java line that caused it, and only counts the events after
 * them; sequence numbers stay gap-free and in order whichever thread records an event.
 */
class TraceTest {
    /** The line of the statement that calls this. */
    private static int here() {
        return StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).orElseThrow().getLineNumber();
    }

    private static KernelCall lastCall(Machine m, String function) {
        List<TraceEvent> all = m.inspector().trace();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i) instanceof KernelCall c && c.function().equals(function)) {
                return c;
            }
        }
        throw new AssertionError("no " + function + " in the trace");
    }

    @Test
    void aKeptCallNamesTheLineThatMadeIt() {
        try (Machine m = Machine.create(MachineConfig.x64())) {
            Kernel32 k = m.createProcess().kernel32();
            int line = here(); long a = k.VirtualAlloc(0, 4096, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
            KernelCall call = lastCall(m, "VirtualAlloc");
            assertThat(call.caller().className()).isEqualTo(TraceTest.class.getName());
            assertThat(call.caller().methodName()).isEqualTo("aKeptCallNamesTheLineThatMadeIt");
            assertThat(call.caller().fileName()).isEqualTo("TraceTest.java");
            assertThat(call.caller().line()).isEqualTo(line);
            assertThat(call.arguments()).containsExactly("0x00000000", "0x1000", "MEM_COMMIT|MEM_RESERVE",
                    "PAGE_READWRITE");
            assertThat(call.result()).isEqualTo(String.format("0x%08X", a));
            assertThat(call.after()).as("a call that changed the address space has its snapshot").isNotNull();
        }
    }

    @Test
    void aFaultNamesTheAccessAndItsFilterNamesTheTry() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            WinProcess p = m.createProcess();
            int[] lines = new int[2];
            lines[0] = here(); p.seh().tryExcept(() -> {
                lines[1] = here(); p.memory().getInt(0x10);
            }, r -> EXCEPTION_EXECUTE_HANDLER, r -> { });
            FaultEvent fault = m.inspector().trace().stream().filter(FaultEvent.class::isInstance)
                    .map(FaultEvent.class::cast).findFirst().orElseThrow();
            assertThat(fault.caller().line()).isEqualTo(lines[1]);
            assertThat(fault.filters()).hasSize(1);
            assertThat(fault.filters().get(0).filterLocation().line()).isEqualTo(lines[0]);
        }
    }

    @Test
    void eventsAfterTheFirstCapacityAreCountedNotKept() {
        try (Machine probe = Machine.create(MachineConfig.x86())) {
            probe.createProcess();
            long startEvents = probe.inspector().lastSequence();
            MachineConfig config = MachineConfig.x86().traceCapacity((int) startEvents + 5);
            try (Machine m = Machine.create(config)) {
                Kernel32 k = m.createProcess().kernel32();
                assertThat(m.inspector().lastSequence()).isEqualTo(startEvents);
                for (int i = 0; i < 20; i++) {
                    k.SetLastError(0);
                    k.VirtualFree(0x12340000L, 0, MEM_RELEASE); // fails: nothing there
                }
                List<TraceEvent> kept = m.inspector().trace();
                assertThat(kept).hasSize((int) startEvents + 5);
                for (int i = 0; i < kept.size(); i++) {
                    assertThat(kept.get(i).sequence()).isEqualTo(i + 1);
                }
                assertThat(kept.subList((int) startEvents, kept.size())).allSatisfy(e ->
                        assertThat(((KernelCall) e).function()).isEqualTo("VirtualFree"));
                assertThat(m.inspector().traceDropped()).isEqualTo(15);
                assertThat(m.inspector().lastSequence()).isEqualTo(startEvents + 5);
                assertThat(m.inspector().traceSince(m.inspector().lastSequence())).isEmpty();
            }
        }
    }

    @Test
    void withTracingOffNothingIsKeptOrCounted() {
        try (Machine m = Machine.create(MachineConfig.x86().traceCalls(false))) {
            Kernel32 k = m.createProcess().kernel32();
            k.VirtualAlloc(0, 4096, MEM_RESERVE, PAGE_READWRITE);
            assertThat(m.inspector().trace()).isEmpty();
            assertThat(m.inspector().traceDropped()).isZero();
        }
    }

    @Test
    void threadsRecordingAtOnceLeaveAGapFreeTraceInOrder() throws InterruptedException {
        try (Machine m = Machine.create(MachineConfig.x64())) {
            WinProcess p = m.createProcess();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                threads.add(new Thread(() -> {
                    for (int i = 0; i < 200; i++) {
                        long a = p.kernel32().VirtualAlloc(0, 4096, MEM_RESERVE, PAGE_READWRITE);
                        p.kernel32().VirtualFree(a, 0, MEM_RELEASE);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            List<TraceEvent> all = m.inspector().trace();
            assertThat(all).hasSize((int) m.inspector().lastSequence());
            for (int i = 0; i < all.size(); i++) {
                assertThat(all.get(i).sequence()).isEqualTo(i + 1);
            }
            assertThat(all.stream().filter(e -> e instanceof KernelCall c && c.function().startsWith("Virtual")))
                    .hasSize(4 * 200 * 2);
        }
    }
}
