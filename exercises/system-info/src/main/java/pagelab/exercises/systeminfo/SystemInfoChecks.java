package pagelab.exercises.systeminfo;

import static pagelab.exercises.systeminfo.Scenario.PAGE;
import static pagelab.exercises.systeminfo.Step.Kind.ALLOCATE;
import static pagelab.exercises.systeminfo.Step.Kind.COMMIT;
import static pagelab.exercises.systeminfo.Step.Kind.DECOMMIT;
import static pagelab.exercises.systeminfo.Step.Kind.RELEASE;
import static pagelab.exercises.systeminfo.Step.Kind.RESERVE;
import static pagelab.exercises.systeminfo.Step.Kind.TOUCH;

import java.util.List;
import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.SYSTEM_INFO;

/**
 * The checks of {@code system-info}: the forecast's system facts against {@code GetSystemInfo}, and its predicted
 * changes against what {@code GlobalMemoryStatusEx} reports around each call the checker makes.
 */
public class SystemInfoChecks {

    @Check(points = 10, title = "Page size, granularity and the user-mode range", order = 1)
    public CheckResult systemFacts(MemoryForecast forecast, CheckContext ctx) {
        Scenario s = new Scenario(ctx, forecast);
        SYSTEM_INFO si = new SYSTEM_INFO();
        ctx.kernel32().GetSystemInfo(si);
        long user = si.lpMaximumApplicationAddress - si.lpMinimumApplicationAddress + 1;
        Tally t = new Tally();
        // The numbers are text where the message always showed them without separators (4096, not 4,096).
        t.expect(forecast.pageSize() == si.dwPageSize, Msg.of("facts.page-size", "pageSize() is {0}, dwPageSize is "
                + "{1}", String.valueOf(forecast.pageSize()), String.valueOf(si.dwPageSize)));
        t.expect(forecast.allocationGranularity() == si.dwAllocationGranularity, Msg.of("facts.granularity",
                "allocationGranularity() is {0}, dwAllocationGranularity is {1}",
                String.valueOf(forecast.allocationGranularity()), String.valueOf(si.dwAllocationGranularity)));
        t.expect(2, forecast.userModeBytes() == user, Msg.of("facts.user-mode", "userModeBytes() is {0}, but {1}..{2} "
                + "is {3}", bytes(forecast.userModeBytes()), Win32Names.hex(si.lpMinimumApplicationAddress),
                Win32Names.hex(si.lpMaximumApplicationAddress), bytes(user)));
        return t.result(10, Msg.of("facts.pass", "4 KiB pages, 64 KiB granularity, and {0} of user mode ({1}..{2}).",
                        bytes(user), Win32Names.hex(si.lpMinimumApplicationAddress),
                        Win32Names.hex(si.lpMaximumApplicationAddress)))
                .hint("user-mode-partitions", "The NULL-pointer partition (64 KiB at the bottom) and the 64 KiB off-limits partition at the top"
                        + " are not user mode.")
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 15, title = "Reserving costs address space only", order = 2)
    public CheckResult reserveCostsAddressSpace(MemoryForecast forecast, CheckContext ctx) {
        Scenario s = new Scenario(ctx, forecast);
        s.playAll(List.of(new Step(RESERVE, 0, 0, 100_000), new Step(RESERVE, 1, 0, 3 * 65536),
                new Step(RESERVE, 2, 0, 1)));
        return s.tally().result(15, Msg.of("reserve.pass", "Three reservations: address space went down by whole "
                        + "pages; the commit limit and RAM did not move."))
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 15, title = "Committing charges the commit limit, not RAM", after = "reserveCostsAddressSpace",
            order = 3)
    public CheckResult commitCharges(MemoryForecast forecast, CheckContext ctx) {
        Scenario s = new Scenario(ctx, forecast);
        s.playAll(List.of(new Step(RESERVE, 0, 0, 16 * PAGE), new Step(COMMIT, 0, 0, 3 * PAGE),
                new Step(COMMIT, 0, 5000, 100), new Step(COMMIT, 0, 0, 6 * PAGE), new Step(ALLOCATE, 1, 0, 16 * PAGE - 100)));
        return s.tally().result(15, Msg.of("commit.pass", "Every commit charged exactly its newly committed pages "
                        + "against the commit limit; RAM stayed free."))
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 15, title = "The first touch of a page takes RAM", after = "commitCharges", order = 4)
    public CheckResult touchTakesRam(MemoryForecast forecast, CheckContext ctx) {
        Scenario s = new Scenario(ctx, forecast);
        s.playAll(List.of(new Step(ALLOCATE, 0, 0, 16 * PAGE), new Step(TOUCH, 0, 0, 2 * PAGE),
                new Step(TOUCH, 0, PAGE, 3 * PAGE), new Step(TOUCH, 0, 9 * PAGE + 7, 1)));
        return s.tally().result(15, Msg.of("touch.pass", "Each page took a frame of RAM at its first touch, and only "
                        + "then."))
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 15, title = "Decommitting gives back commit and RAM", after = "touchTakesRam", order = 5)
    public CheckResult decommitGivesBack(MemoryForecast forecast, CheckContext ctx) {
        Scenario s = new Scenario(ctx, forecast);
        s.playAll(List.of(new Step(ALLOCATE, 0, 0, 16 * PAGE), new Step(TOUCH, 0, 0, 4 * PAGE),
                new Step(DECOMMIT, 0, 2 * PAGE, 4 * PAGE), new Step(DECOMMIT, 0, 2 * PAGE, 2 * PAGE),
                new Step(COMMIT, 0, 2 * PAGE, PAGE), new Step(DECOMMIT, 0, 0, 16 * PAGE)));
        return s.tally().result(15, Msg.of("decommit.pass", "Each decommit returned its committed pages to the commit "
                        + "limit and its touched pages to RAM; the address space stayed reserved."))
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 15, title = "Releasing gives back everything", after = "touchTakesRam", order = 6)
    public CheckResult releaseGivesBack(MemoryForecast forecast, CheckContext ctx) {
        Scenario s = new Scenario(ctx, forecast);
        s.playAll(List.of(new Step(RESERVE, 0, 0, 20 * PAGE + 1), new Step(COMMIT, 0, 4 * PAGE, 8 * PAGE),
                new Step(TOUCH, 0, 6 * PAGE, 3 * PAGE), new Step(RELEASE, 0, 0, 0), new Step(ALLOCATE, 1, 0, PAGE),
                new Step(RELEASE, 1, 0, 0)));
        return s.tally().result(15, Msg.of("release.pass", "Each release returned the region's address space, commit "
                        + "and RAM."))
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 15, title = "A random sequence of 40 calls", after = "commitCharges", order = 7)
    public CheckResult randomSequence(MemoryForecast forecast, CheckContext ctx) {
        Scenario s = new Scenario(ctx, forecast);
        new RandomSteps(ctx, s).play(40);
        return s.tally().result(15, Msg.of("random.pass", "All 40 calls of the seeded sequence were predicted "
                        + "exactly."))
                .evidence(ctx.traceEvidence());
    }

    /** {@code 6,553,600 bytes}, as {@link Win32Names#bytes} says it, translatable. */
    static Msg bytes(long count) {
        return Msg.of("bytes", "{0,choice,0#0 bytes|1#1 byte|1<{0} bytes}", count);
    }
}
