package pagelab.app.desktop.memorymap;

import org.junit.jupiter.api.Test;
import pagelab.app.desktop.playground.PlaygroundSession;
import pagelab.app.desktop.trace.Timeline;
import pagelab.exercise.Evidence;
import pagelab.exercise.RunStep;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.KernelCall;

import java.util.BitSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A check's run reaches the desktop as RunSteps (what the grading child sends back); stepped in the map, each
 * call that changed the address space marks the rows and strip cells it changed, as the playground's live run does.
 */
class CheckRunChangesTest {
    @Test
    void aCallInACheckRunMarksWhatItChanged() {
        try (PlaygroundSession s = new PlaygroundSession(MachineConfig.x86().seed(1))) {
            s.run("p = VirtualAlloc(NULL, 64K, MEM_RESERVE, PAGE_READWRITE)");
            s.run("VirtualAlloc(p, 4K, MEM_COMMIT, PAGE_READWRITE)");
            Timeline live = s.timeline();
            Evidence run = Evidence.run("the run", live.snapshotAt(0), live.events());
            Timeline stepped = Timeline.of(run.snapshot(), RunStep.toEvents(run.steps(), 0), false);

            int commit = stepped.lastStep();
            assertThat(stepped.eventAt(commit)).isInstanceOf(KernelCall.class);
            assertThat(((KernelCall) stepped.eventAt(commit)).function()).isEqualTo("VirtualAlloc");
            AddressSpaceSnapshot before = stepped.snapshotAt(commit - 1);
            AddressSpaceSnapshot after = stepped.snapshotAt(commit);
            BitSet changed = MapRows.changed(after.regions(), before);
            assertThat(changed.cardinality()).as("regions the commit changed").isGreaterThan(0);
            BitSet reserveChanged = MapRows.changed(stepped.snapshotAt(commit - 1).regions(),
                    stepped.snapshotAt(commit - 2));
            assertThat(reserveChanged.cardinality()).as("regions the reservation changed").isGreaterThan(0);
        }
    }
}
