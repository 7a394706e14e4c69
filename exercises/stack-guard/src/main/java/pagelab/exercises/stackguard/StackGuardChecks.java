package pagelab.exercises.stackguard;

import static pagelab.exercises.stackguard.StackProbe.PAGE;
import static pagelab.exercises.stackguard.StackProbe.pageOf;

import java.util.List;
import java.util.Map;
import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Evidence;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.ThreadContext;
import pagelab.kernel.WinNT;

/**
 * The checks of {@code stack-guard}, run on the check's own simulated thread (a 1 MiB stack whose top page is
 * committed with a guard page below it). The checker moves the stack pointer itself to play the program whose
 * frames come and go, and compares the stack's pages with the kernel's ground truth.
 */
public class StackGuardChecks {
    /** A frame bigger than the whole initially committed stack: 16 pages and a bit. */
    static final long LARGE_FRAME = 64 * 1024 + 100;

    @Check(points = 10, title = "A frame smaller than a page is allocated", order = 1)
    public CheckResult smallFrame(StackTools tools, CheckContext ctx) {
        StackProbe s = new StackProbe(ctx);
        ThreadContext t = s.thread();
        long sp = t.getStackPointer();
        StackProbe.Outer o = s.outer(() -> tools.probeAndAllocate(ctx.memory(), t, 3000));
        Tally tally = new Tally();
        tally.expect(2, o.none(), Msg.of("small.raised", "probeAndAllocate(3000) from ESP {0} raised {1}",
                Win32Names.hex(sp), o.describe()));
        tally.expect(2, t.getStackPointer() == sp - 3000, Msg.of("small.esp", "ESP is {0}, expected {1} (ESP - 3000)",
                Win32Names.hex(t.getStackPointer()), Win32Names.hex(sp - 3000)));
        tally.expect(s.state(sp - 3000) == WinNT.MEM_COMMIT, Msg.of("small.not-committed", "the page of the new "
                + "ESP, {0}, is {1}", Win32Names.hex(pageOf(sp - 3000)), Win32Names.mem(s.state(sp - 3000))));
        return tally.result(10, Msg.of("small.pass", "ESP went from {0} to {1} without a fault reaching the "
                        + "caller.", Win32Names.hex(sp), Win32Names.hex(sp - 3000)))
                .hint("esp-by-frame-size", "Lower the stack pointer by exactly frameSize, after the probes.")
                .evidence(ctx.traceEvidence());
    }

    // tag::largeFrame[]
    @Check(points = 15, title = "A large frame is probed page by page, top down", after = "smallFrame", order = 2)
    public CheckResult largeFrameProbedInOrder(StackTools tools, CheckContext ctx) {
        StackProbe s = new StackProbe(ctx);
        ThreadContext t = s.thread();
        long sp = t.getStackPointer();
        long newSp = sp - LARGE_FRAME;
        List<Long> guardBefore = s.guardPages();
        StackProbe.Outer o = s.outer(() -> tools.probeAndAllocate(ctx.memory(), t, LARGE_FRAME));
        long uncommitted = 0;
        for (long p = pageOf(newSp); p < sp; p += PAGE) {
            uncommitted += s.state(p) == WinNT.MEM_COMMIT ? 0 : 1;
        }
        // Lowering ESP without a fault is what the starter already does: it counts only for a frame that was
        // actually probed into existence.
        boolean probed = uncommitted == 0;
        String frame = String.valueOf(LARGE_FRAME); // code, as probeAndAllocate(65636) reads
        Tally tally = new Tally();
        tally.expect(3, o.none() && probed, !o.none() ? o.caughtCode(WinNT.EXCEPTION_ACCESS_VIOLATION)
                ? Msg.of("large.skipped-guard", "probeAndAllocate({0}) from ESP {1} raised {2}: a touch skipped the "
                        + "guard page at {3}", frame, Win32Names.hex(sp), o.describe(), pages(guardBefore))
                : Msg.of("large.raised", "probeAndAllocate({0}) from ESP {1} raised {2}", frame, Win32Names.hex(sp),
                        o.describe())
                : Msg.of("large.unearned-nothing-raised", "probeAndAllocate({0}) raised nothing, but that counts "
                        + "only once the frame's pages are committed by the probes", frame));
        tally.expect(t.getStackPointer() == newSp && probed, t.getStackPointer() != newSp
                ? Msg.of("large.esp", "ESP is {0}, expected {1}", Win32Names.hex(t.getStackPointer()),
                        Win32Names.hex(newSp))
                : Msg.of("large.unearned-esp", "ESP moved to {0}, but that counts only once the frame's pages are "
                        + "committed by the probes", Win32Names.hex(newSp)));
        tally.expect(2, uncommitted == 0, Msg.of("large.not-committed", "{0} of the frame {1}..{2} are not "
                + "committed", StackProbe.pages(uncommitted), Win32Names.hex(newSp), Win32Names.hex(sp)));
        List<Long> guards = s.guardPages();
        tally.expect(2, guards.equals(List.of(pageOf(newSp) - PAGE)), Msg.of("large.guards", "the stack's guard "
                + "pages are {0}; expected exactly {1}, just below the new ESP's page", pages(guards),
                Win32Names.hex(pageOf(newSp) - PAGE)));
        return tally.result(15, Msg.of("large.pass", "All {0} of the frame were committed through the guard page, "
                        + "which now sits at {1}.", StackProbe.pages((sp - pageOf(newSp) + PAGE - 1) / PAGE),
                        Win32Names.hex(pageOf(newSp) - PAGE)))
                .hint(probeMistake(o, guardBefore, newSp), PROBE_HINTS.get(probeMistake(o, guardBefore, newSp)))
                .evidence(ctx.traceEvidence(), ctx.snapshotEvidence("Address space after the frame"));
    }
    // end::largeFrame[]

    @Check(points = 10, title = "Running out of stack raises EXCEPTION_STACK_OVERFLOW", after = "largeFrameProbedInOrder",
            order = 3)
    public CheckResult overflowRaised(StackTools tools, CheckContext ctx) {
        StackProbe s = new StackProbe(ctx);
        ThreadContext t = s.thread();
        StackProbe.Outer o = new StackProbe.Outer(null, null);
        int frames = 0;
        long before = t.getStackPointer();
        // A probe that never touches memory would lower ESP forever; stop once ESP has left the stack.
        for (; frames < 64 && o.none() && t.getStackPointer() > s.lowest(); frames++) {
            before = t.getStackPointer();
            o = s.outer(() -> tools.probeAndAllocate(ctx.memory(), t, 64 * 1024));
        }
        boolean overflowed = o.caughtCode(WinNT.EXCEPTION_STACK_OVERFLOW);
        Tally tally = new Tally();
        tally.expect(3, overflowed, Msg.of("overflow.not-raised", "after {0} frames of 64 KiB the caller's handler "
                + "got {1}; expected EXCEPTION_STACK_OVERFLOW (0xC00000FD)", frames, o.describe()));
        // ESP kept and the lowest page untouched are side conditions of an overflow; without one they say nothing.
        tally.expect(overflowed && t.getStackPointer() == before, !overflowed
                ? Msg.of("overflow.not-judged", "ESP and the lowest page are judged once the overflow is raised")
                : Msg.of("overflow.esp-moved", "the failing probeAndAllocate moved ESP from {0} to {1}",
                        Win32Names.hex(before), Win32Names.hex(t.getStackPointer())));
        tally.expect(overflowed && s.state(s.lowest()) == WinNT.MEM_RESERVE, !overflowed
                ? Msg.of("overflow.lowest-not-judged", "(not judged without the overflow)")
                : Msg.of("overflow.lowest", "the lowest page of the stack, {0}, is {1}; it must stay MEM_RESERVE",
                        Win32Names.hex(s.lowest()), Win32Names.mem(s.state(s.lowest()))));
        return tally.result(10, Msg.of("overflow.pass", "Frame {0} reached the last guard page: "
                        + "EXCEPTION_STACK_OVERFLOW, with ESP left at {1}.", frames, Win32Names.hex(before)))
                .hint(overflowed ? "moves-esp-first" : "skips-guard", overflowed
                        ? "Lower ESP only after every probe has succeeded: the probe that raises the overflow must "
                        + "leave ESP where the caller had it."
                        : "The overflow is only raised if the guard page is touched; an access violation means a "
                        + "probe went past it.")
                .evidence(Evidence.faults("Exceptions during the check", ctx.trace()));
    }

    // tag::reset[]
    @Check(points = 15, title = "_resetstkoflw re-arms the guard just below the stack pointer", order = 4)
    public CheckResult resetRearmsGuard(StackTools tools, CheckContext ctx) {
        StackProbe s = new StackProbe(ctx);
        ThreadContext t = s.thread();
        StackProbe.Outer first = s.overflowOnce();
        if (!first.caughtCode(WinNT.EXCEPTION_STACK_OVERFLOW)) {
            return CheckResult.error("The checker's own descent did not overflow: " + first.describe().english());
        }
        long sp = s.top() - 40 * 1024 + 123; // the handler unwound to a frame 40 KiB below the top
        t.setStackPointer(sp);
        boolean ok = tools.resetStackOverflow(ctx.kernel32(), t);
        long want = pageOf(sp) - PAGE;
        List<Long> guards = s.guardPages();
        Tally tally = new Tally();
        tally.expect(ok, Msg.of("reset.returned-false", "resetStackOverflow returned false with ESP at {0}",
                Win32Names.hex(sp)));
        tally.expect(3, guards.equals(List.of(want)), Msg.of("reset.guards", "after the reset the stack's guard pages "
                + "are {0}; expected exactly {1}, the page below ESP's page {2}", pages(guards), Win32Names.hex(want),
                Win32Names.hex(pageOf(sp))));
        boolean rearmed = ok && guards.equals(List.of(want));
        tally.expect(rearmed && s.state(s.lowest()) == WinNT.MEM_RESERVE, !rearmed
                ? Msg.of("reset.lowest-not-judged", "the lowest page is judged once the guard is re-armed")
                : Msg.of("reset.lowest", "the lowest page {0} is {1}; it must stay MEM_RESERVE",
                        Win32Names.hex(s.lowest()), Win32Names.mem(s.state(s.lowest()))));
        return tally.result(15, Msg.of("reset.pass", "The guard page is back at {0} (PAGE_READWRITE|PAGE_GUARD).",
                        Win32Names.hex(want)))
                .hint(guards.isEmpty() && s.state(want) == WinNT.MEM_COMMIT ? "forgets-guard-flag"
                                : guards.equals(List.of(pageOf(sp))) ? "guard-at-esp-page" : "guard-position",
                        guards.isEmpty() && s.state(want) == WinNT.MEM_COMMIT
                                ? "The page below ESP's page is committed but not a guard: VirtualProtect it to "
                                + "PAGE_READWRITE | PAGE_GUARD, the PAGE_GUARD bit included."
                                : guards.equals(List.of(pageOf(sp)))
                                ? "The guard goes one page lower than ESP's page, which the thread is using: guard = "
                                + "(ESP & ~(dwPageSize - 1)) - dwPageSize."
                                : "guard = (ESP & ~(dwPageSize - 1)) - dwPageSize; VirtualProtect it to "
                                + "PAGE_READWRITE | PAGE_GUARD.")
                .evidence(ctx.traceEvidence(), ctx.snapshotEvidence("Address space after the reset"));
    }
    // end::reset[]

    @Check(points = 10, title = "A second overflow is caught too", after = "resetRearmsGuard", order = 5)
    public CheckResult secondOverflowCaught(StackTools tools, CheckContext ctx) {
        StackProbe s = new StackProbe(ctx);
        ThreadContext t = s.thread();
        s.overflowOnce();
        Tally tally = new Tally();
        for (int round = 2; round <= 3; round++) {
            t.setStackPointer(s.top() - 40 * 1024);
            tools.resetStackOverflow(ctx.kernel32(), t);
            StackProbe.Outer again = s.descend();
            tally.expect(round == 2 ? 3 : 1, again.caughtCode(WinNT.EXCEPTION_STACK_OVERFLOW),
                    Msg.of("again.not-caught", "overflow #{0} after resetStackOverflow reached the handler as {1}; "
                            + "expected EXCEPTION_STACK_OVERFLOW (0xC00000FD)", round, again.describe()));
        }
        return tally.result(10, Msg.of("again.pass", "The second and third overflows were caught as "
                        + "EXCEPTION_STACK_OVERFLOW."))
                .hint("no-guard-after-reset", "Without a guard page below the stack pointer, a deep recursion runs "
                        + "into the lowest, reserved "
                        + "page: an access violation, which Windows cannot report as a stack overflow.")
                .evidence(Evidence.faults("Exceptions during the check", ctx.trace()));
    }

    @Check(points = 10, title = "_resetstkoflw refuses when no room is left", order = 6)
    public CheckResult resetRefusesWithoutRoom(StackTools tools, CheckContext ctx) {
        StackProbe s = new StackProbe(ctx);
        ThreadContext t = s.thread();
        s.overflowOnce();
        Tally tally = new Tally();
        long low = s.lowest() + PAGE + 100;
        t.setStackPointer(low);
        boolean refused = !tools.resetStackOverflow(ctx.kernel32(), t);
        boolean untouched = s.state(s.lowest()) == WinNT.MEM_RESERVE && s.guardPages().isEmpty();
        Msg stack = Msg.of("refuse.stack", "lowest page {0}, guard pages {1}", Win32Names.mem(s.state(s.lowest())),
                pages(s.guardPages()));
        long two = s.lowest() + 2 * PAGE + 8;
        t.setStackPointer(two);
        boolean armed = tools.resetStackOverflow(ctx.kernel32(), t);
        // Refusing is what a reset that does nothing does too: it earns credit only from a reset that re-arms the
        // guard where there is room for it.
        tally.expect(2, refused && armed, refused
                ? Msg.of("refuse.unearned-refused", "with ESP at {0} resetStackOverflow refused: that counts only "
                        + "once resetStackOverflow re-arms the guard where there is room", Win32Names.hex(low))
                : Msg.of("refuse.returned-true", "with ESP at {0} the guard would be the lowest page {1}, but "
                        + "resetStackOverflow returned true", Win32Names.hex(low), Win32Names.hex(s.lowest())));
        tally.expect(untouched && armed, untouched
                ? Msg.of("refuse.unearned-untouched", "the refused reset left the stack as it was: that counts only "
                        + "once resetStackOverflow re-arms the guard where there is room")
                : Msg.of("refuse.changed", "the refused reset changed the stack: {0}", stack));
        tally.expect(2, armed, Msg.of("refuse.not-armed", "with ESP at {0} the page {1} can still be the guard, but "
                + "resetStackOverflow returned false", Win32Names.hex(two), Win32Names.hex(s.lowest() + PAGE)));
        return tally.result(10, Msg.of("refuse.pass", "The reset refused to guard the lowest page and accepted the "
                        + "one above it."))
                .hint("guards-lowest-page", "The lowest page of the reservation is never committed; the guard page "
                        + "must be above it.")
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 10, title = "The committed stack is measured with VirtualQuery", order = 7)
    public CheckResult measuresCommittedStack(StackTools tools, CheckContext ctx) {
        return StackMeter.check(tools, ctx, new StackProbe(ctx));
    }

    @Check(points = 10, title = "The range above the stack is reserved, so that an underflow faults", order = 8)
    public CheckResult underflowRangeReserved(StackTools tools, CheckContext ctx) {
        return StackUnderflow.reserve(tools, ctx);
    }

    @Check(points = 10, title = "A stack underflow is told from a stack overflow", order = 9)
    public CheckResult underflowToldFromOverflow(StackTools tools, CheckContext ctx) {
        return StackUnderflow.classify(tools, ctx);
    }

    private static final Map<String, String> PROBE_HINTS = Map.of(
            "probes-bottom-up", "The first touch was at the bottom of the frame, far below the guard page: probe "
                    + "from the top down, starting with the page just below ESP's page.",
            "probe-stride", "A probe landed more than a page below the last committed page, past the guard page: "
                    + "step down by exactly dwPageSize.",
            "frame-not-probed", "Only the guard page may be touched below the committed stack: walk down one page "
                    + "at a time, from the page below ESP's page to the page of ESP - frameSize.");

    /** Which probing mistake the fault shows: its address, compared with the guard page and the frame's bottom. */
    private static String probeMistake(StackProbe.Outer o, List<Long> guardBefore, long newSp) {
        if (!o.caughtCode(WinNT.EXCEPTION_ACCESS_VIOLATION) || o.caught().NumberParameters < 2
                || guardBefore.isEmpty()) {
            return "frame-not-probed";
        }
        long at = o.caught().ExceptionInformation[1];
        if (pageOf(at) == pageOf(newSp)) {
            return "probes-bottom-up";
        }
        return at < guardBefore.get(0) ? "probe-stride" : "frame-not-probed";
    }

    /** "0x0002E000, 0x0002F000", "none", or the first four and "..., (N pages)", translatable. */
    static Msg pages(List<Long> pages) {
        if (pages.isEmpty()) {
            return Msg.of("pages.none", "none");
        }
        String shown = String.join(", ", pages.stream().limit(4).map(Win32Names::hex).toList());
        return pages.size() > 4 ? Msg.of("pages.more", "{0}, ... ({1})", shown, StackProbe.pages(pages.size()))
                : Msg.text(shown);
    }
}
