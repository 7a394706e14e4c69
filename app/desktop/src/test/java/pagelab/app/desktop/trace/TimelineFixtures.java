package pagelab.app.desktop.trace;

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


/** A small run for tests: a reservation, a failing VirtualFree, an access violation in the new reservation. */
public final class TimelineFixtures {
    private TimelineFixtures() {
    }

    public static final SourceLocation LINE_12 = new SourceLocation("student.SparseCells", "put", "SparseCells.java", 12);

    /** Initial picture, a reservation, a failing free, an access violation. */
    public static Timeline sample() {
        AddressSpaceSnapshot s0 = Snapshots.smallX86(0);
        AddressSpaceSnapshot s1 = Snapshots.withReservation(s0, 0x00500000L, 1);
        List<TraceEvent> events = List.of(
                new KernelCall(1, 1, 1, "VirtualAlloc", List.of("NULL", "0x10000", "MEM_RESERVE", "PAGE_READWRITE"),
                        "0x00500000", false, 0, LINE_12, s1),
                new KernelCall(2, 1, 1, "VirtualFree", List.of("0x00500000", "0x1000", "MEM_RELEASE"), "FALSE", true,
                        87, LINE_12, null),
                accessViolation(3));
        return Timeline.of(s0, events, false);
    }

    public static FaultEvent accessViolation(long seq) {
        EXCEPTION_RECORD r = new EXCEPTION_RECORD();
        r.ExceptionCode = WinNT.EXCEPTION_ACCESS_VIOLATION;
        r.ExceptionAddress = 0x00401000L;
        r.NumberParameters = 2;
        r.ExceptionInformation[0] = WinNT.EXCEPTION_WRITE_FAULT;
        r.ExceptionInformation[1] = 0x00500000L;
        PageInfo page = new PageInfo(0x00500000L, 0x00500000L, WinNT.MEM_RESERVE, 0, WinNT.MEM_PRIVATE, false,
                false, false, false, false);
        return new FaultEvent(seq, 1, 1, r, page, List.of(new FaultEvent.FilterOutcome(0, LINE_12,
                WinNT.EXCEPTION_EXECUTE_HANDLER)), "HANDLED", LINE_12);
    }

}
