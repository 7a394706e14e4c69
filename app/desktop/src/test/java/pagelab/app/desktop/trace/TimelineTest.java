package pagelab.app.desktop.trace;

import org.junit.jupiter.api.Test;
import pagelab.app.desktop.memorymap.Snapshots;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.FaultEvent;
import pagelab.kernel.inspect.KernelCall;
import pagelab.kernel.inspect.PageInfo;
import pagelab.kernel.inspect.SourceLocation;
import pagelab.kernel.inspect.TraceEvent;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {
    static Timeline sample() {
        return TimelineFixtures.sample();
    }

    @Test
    void eachStepShowsTheLatestSnapshotAtOrBeforeIt() {
        Timeline t = sample();
        assertThat(t.steps()).isEqualTo(4);
        assertThat(t.snapshotAt(0).allocations()).hasSize(3);
        assertThat(t.snapshotAt(1).allocations()).hasSize(4);
        assertThat(t.snapshotAt(3)).isSameAs(t.snapshotAt(1));
        assertThat(t.eventAt(0)).isNull();
        assertThat(t.eventAt(3)).isInstanceOf(FaultEvent.class);
    }

    @Test
    void stepByChangeSkipsEventsThatLeftTheSpaceAlone() {
        Timeline t = sample();
        assertThat(t.nextChange(0)).isEqualTo(1);
        assertThat(t.nextChange(1)).isEqualTo(3); // no later change: the end
        assertThat(t.previousChange(3)).isEqualTo(1);
        assertThat(t.previousChange(1)).isEqualTo(0);
    }

    @Test
    void withoutAnInitialPictureTheFirstSnapshotOfTheTraceIsUsed() {
        Timeline t = Timeline.of(null, sample().events(), false);
        assertThat(t.snapshotAt(0)).isSameAs(t.snapshotAt(1));
    }

    @Test
    void theFilterKeepsFailuresAndFaultsOrMatchingText() {
        Timeline t = sample();
        TraceTableModel model = new TraceTableModel();
        model.setTimeline(t);
        assertThat(new TraceFilter(TraceFilter.Show.FAILURES, "").keeps(t.events().get(0))).isFalse();
        assertThat(new TraceFilter(TraceFilter.Show.FAILURES, "").keeps(t.events().get(1))).isTrue();
        assertThat(new TraceFilter(TraceFilter.Show.FAULTS, "").keeps(t.events().get(2))).isTrue();
        assertThat(model.searchText(1)).contains("error_invalid_parameter (87)");
    }

    @Test
    void theFaultExplainerNamesTheExceptionThePageAndTheFilters() {
        pagelab.app.desktop.Messages.use(Locale.ENGLISH);
        String html = EventExplanation.html(TimelineFixtures.accessViolation(3), false);
        assertThat(html).contains("EXCEPTION_ACCESS_VIOLATION (0xC0000005)", "writing 0x00500000",
                "MEM_RESERVE", "reserved but not committed", "EXCEPTION_EXECUTE_HANDLER (1)", "HANDLED",
                "SparseCells.java:12");
    }
}
