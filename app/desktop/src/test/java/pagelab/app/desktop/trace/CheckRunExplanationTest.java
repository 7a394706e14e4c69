package pagelab.app.desktop.trace;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pagelab.app.desktop.Messages;
import pagelab.app.desktop.memorymap.Snapshots;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.FaultEvent;
import pagelab.kernel.inspect.ProcessEvent;
import pagelab.kernel.inspect.SourceLocation;
import pagelab.kernel.inspect.TraceEvent;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A check's run as the desktop gets it (events rebuilt from RunSteps: faults without the page's state or an
 * instruction address, process events without a result) explains itself as the playground's does.
 */
class CheckRunExplanationTest {
    @BeforeAll
    static void english() {
        Messages.use(Locale.ENGLISH);
    }

    /** A write to a reserved page, as RunStep.toEvents rebuilds it: no page, ExceptionAddress 0. */
    private static FaultEvent fromARun() {
        EXCEPTION_RECORD r = new EXCEPTION_RECORD();
        r.ExceptionCode = WinNT.EXCEPTION_ACCESS_VIOLATION;
        r.NumberParameters = 2;
        r.ExceptionInformation[0] = WinNT.EXCEPTION_WRITE_FAULT;
        r.ExceptionInformation[1] = 0x00500010L;
        return new FaultEvent(3, 1, 1, r, null, List.of(), "UNHANDLED", TimelineFixtures.LINE_12);
    }

    @Test
    void aFaultInACheckRunShowsThePageFromTheMapAndWhyItWasRefused() {
        AddressSpaceSnapshot before = Snapshots.withReservation(Snapshots.smallX86(0), 0x00500000L, 1);
        String html = EventExplanation.html(fromARun(), false, before);
        assertThat(html).contains("The page just before the fault (from the map)")
                .contains("MEM_RESERVE")
                .contains(Messages.get("explain.why.reserved"));
        // Not 0x00000000, which reads as a NULL access: labelled, with the student's line.
        assertThat(html).doesNotContain("0x00000000")
                .contains("not recorded").contains("SparseCells.put(SparseCells.java:12)");
    }

    @Test
    void withoutAPictureTheExplainerSaysNothingAboutThePage() {
        assertThat(EventExplanation.html(fromARun(), false, null)).doesNotContain("just before the fault");
    }

    @Test
    void theEventsCaptionHasNoDanglingEquals() {
        String caption = TraceText.summary(new ProcessEvent(1, 1, 0, "PROCESS_CREATED", "C:\\PageLab\\blank.exe"));
        assertThat(caption).doesNotEndWith("=").doesNotEndWith("= ").startsWith("PROCESS_CREATED(");
    }

    @Test
    void thePlaygroundsOwnFramesAreNamedAsTheStudentsCommand() {
        SourceLocation invoker = new SourceLocation("pagelab.app.desktop.playground.Invoker", "call", "Invoker.java",
                88);
        SourceLocation filter = new SourceLocation("pagelab.app.desktop.playground.PlaygroundSession", "invoke",
                "PlaygroundSession.java", 107);
        assertThat(TraceText.where(invoker)).isEqualTo("your command in the playground");
        assertThat(TraceText.where(filter)).isEqualTo("your command in the playground");
        assertThat(TraceText.where(TimelineFixtures.LINE_12)).isEqualTo("SparseCells.put(SparseCells.java:12)");
    }

    @Test
    void stepsBeforeAThreadIsCreatedDoNotShowItsStack() {
        // The run's first picture was taken with the thread's stack (at 0x00500000) already there.
        AddressSpaceSnapshot first = Snapshots.withReservation(Snapshots.smallX86(0), 0x00500000L, 1);
        List<TraceEvent> events = List.of(
                new ProcessEvent(1, 1, 0, "PROCESS_CREATED", "C:\\PageLab\\blank.exe"),
                new ProcessEvent(2, 1, 4100, "THREAD_CREATED", "stack 0x500000-0x510000"));
        Timeline t = Timeline.of(first, events, false);
        assertThat(bases(t.snapshotAt(0))).doesNotContain(0x00500000L);
        assertThat(bases(t.snapshotAt(1))).as("at PROCESS_CREATED").doesNotContain(0x00500000L);
        assertThat(bases(t.snapshotAt(2))).as("after THREAD_CREATED").contains(0x00500000L);
        assertThat(t.snapshotAt(0)).as("one picture for the steps before").isSameAs(t.snapshotAt(1));
        assertThat(t.nextChange(0)).as("the stack's arrival is a change").isEqualTo(2);
    }

    private static List<Long> bases(AddressSpaceSnapshot s) {
        return s.allocations().stream().map(a -> a.base()).toList();
    }
}
