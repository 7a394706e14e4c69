package pagelab.exercises.stackguard;

import static pagelab.exercises.stackguard.StackProbe.PAGE;
import static pagelab.exercises.stackguard.StackProbe.bytes;
import static pagelab.exercises.stackguard.StackProbe.pages;

import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Kernel32;
import pagelab.kernel.WinNT;

/**
 * The measuring check: the student's committed-stack meter against the inspector's count, on the check thread
 * after some growth, on a thread made by {@code CreateThread} with a 64 KiB commit, and after an overflow.
 */
final class StackMeter {
    private StackMeter() {
    }

    static CheckResult check(StackTools tools, CheckContext ctx, StackProbe s) {
        Kernel32 k = ctx.kernel32();
        Tally t = new Tally();
        for (long p = s.top() - PAGE; p >= s.top() - 10 * PAGE; p -= PAGE) {
            ctx.memory().getByte(p); // ten pages of growth, through the guard page
        }
        long want = s.committedBytes(s.top() - 1);
        long got = tools.committedStackBytes(k, s.thread());
        t.expect(2, got == want, Msg.of("measure.main", "main thread after 10 pages of growth: measured {0}, but "
                + "{1} ({2}, the guard page included) are committed", bytes(got), bytes(want), pages(want / PAGE)));

        long[] inThread = {-1, -1};
        long h = k.CreateThread(null, 64 * 1024, arg -> {
            inThread[0] = tools.committedStackBytes(k, ctx.process().currentThread());
            inThread[1] = s.committedBytes(ctx.process().currentThread().stackBase() - 1);
            return 0;
        }, 0, 0, null);
        if (h == 0) {
            return CheckResult.error("CreateThread failed: " + Win32Names.error(k.GetLastError()));
        }
        k.WaitForSingleObject(h, WinNT.INFINITE);
        k.CloseHandle(h);
        t.expect(2, inThread[0] == inThread[1], Msg.of("measure.thread", "a thread created with a 64 KiB commit: "
                + "measured {0}, but {1} are committed", bytes(inThread[0]), bytes(inThread[1])));

        s.overflowOnce();
        long afterOverflow = s.committedBytes(s.top() - 1);
        long measured = tools.committedStackBytes(k, s.thread());
        t.expect(measured == afterOverflow, Msg.of("measure.overflow", "main thread after a stack overflow: "
                + "measured {0}, but {1} are committed", bytes(measured), bytes(afterOverflow)));
        return t.result(10, Msg.of("measure.pass", "Every measurement matched the committed pages of the stack's "
                        + "reservation."))
                .hint("guard-block-missed", "A VirtualQuery block is a run of pages with the same state and "
                        + "protection: the guard page is "
                        + "a block of its own. Walk from AllocationBase while AllocationBase stays the same.")
                .evidence(ctx.traceEvidence(), ctx.snapshotEvidence("Address space at the end"));
    }
}
