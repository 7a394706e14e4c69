package pagelab.app.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinNT.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Evidence;
import pagelab.exercise.EvidenceKind;
import pagelab.exercise.RunStep;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinProcess;
import pagelab.kernel.inspect.KernelCall;
import pagelab.kernel.inspect.TraceEvent;

/** A check's run crosses the grading pipe and comes back as trace events the memory map can step through. */
class RunEvidenceJsonTest {

    @Test
    void aRunSurvivesTheProtocolWithEveryAddressSpaceRebuilt() {
        List<TraceEvent> trace;
        List<KernelCall> calls;
        try (Machine m = Machine.create(MachineConfig.x86())) {
            WinProcess p = m.createProcess();
            long a = p.kernel32().VirtualAlloc(0, 0x10000, MEM_RESERVE, PAGE_READWRITE);
            p.kernel32().VirtualAlloc(a, 0x1000, MEM_COMMIT, PAGE_READWRITE);
            p.seh().tryExcept(() -> p.memory().setInt(a + 0x2000, 1), r -> EXCEPTION_EXECUTE_HANDLER, r -> { });
            p.kernel32().VirtualFree(a, 0, MEM_RELEASE);
            trace = m.inspector().trace();
            calls = trace.stream().filter(KernelCall.class::isInstance).map(KernelCall.class::cast).toList();
        }
        CheckResult sent = CheckResult.fail("expected", "actual").evidence(Evidence.run("run", trace));
        CheckResult received = RecordJson.read(RecordJson.write(sent), CheckResult.class);
        Evidence run = received.evidence().stream().filter(e -> e.kind() == EvidenceKind.RUN).findFirst().orElseThrow();
        List<TraceEvent> rebuilt = RunStep.toEvents(run.steps(), 1);
        assertThat(rebuilt).hasSize(trace.size());
        List<KernelCall> back = rebuilt.stream().filter(KernelCall.class::isInstance).map(KernelCall.class::cast)
                .toList();
        for (int i = 0; i < calls.size(); i++) {
            assertThat(back.get(i).function()).isEqualTo(calls.get(i).function());
            assertThat(back.get(i).caller().line()).isEqualTo(calls.get(i).caller().line());
            if (calls.get(i).after() != null) {
                assertThat(back.get(i).after().allocations()).isEqualTo(calls.get(i).after().allocations());
            }
        }
    }
}
