package pagelab.exercises.commitonfault;

import static pagelab.exercises.commitonfault.SheetProbe.pattern;

import java.util.Arrays;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Memory;
import pagelab.kernel.Seh;
import pagelab.kernel.WinNT;

/**
 * The nested-blocks check: the checker's own {@code __try/__finally} and {@code __try/__except} blocks inside
 * {@code guarded()}, and {@code guarded()} inside itself. With a filter that continues execution, each body runs
 * exactly once and no termination handler sees an abnormal exit; a filter that unwinds to a handler and reruns
 * the body breaks both.
 */
final class NestedBlocks {
    private NestedBlocks() {
    }

    static CheckResult check(SheetProbe probe, DemandSheet sheet, CheckContext ctx) {
        Seh seh = ctx.process().seh();
        Memory mem = ctx.memory();
        Tally t = new Tally();
        int[] runs = new int[4];
        boolean[] abnormal = new boolean[1];
        long a = probe.cellAddress(10, 0);
        long b = probe.cellAddress(11, 0);
        probe.outer(() -> sheet.guarded(() -> seh.tryFinally(() -> {
            runs[0]++;
            mem.write(a, pattern(10, 0, 8), 0, 8);
            mem.write(b, pattern(11, 0, 8), 0, 8);
        }, () -> {
            runs[1]++;
            abnormal[0] |= seh.AbnormalTermination();
        })));
        t.expect(3, runs[0] == 1 && runs[1] == 1 && !abnormal[0], abnormal[0]
                ? Msg.of("nested.finally-abnormal", "a __try/__finally inside guarded() writing two new pages: its "
                        + "body ran {0} and its __finally {1}, with AbnormalTermination() TRUE; expected once each, "
                        + "normally", times(runs[0]), times(runs[1]))
                : Msg.of("nested.finally", "a __try/__finally inside guarded() writing two new pages: its body ran "
                        + "{0} and its __finally {1}; expected once each, normally", times(runs[0]), times(runs[1])));
        t.expect(stored(probe, a, 10, 0) && stored(probe, b, 11, 0), Msg.of("nested.finally-not-stored", "the "
                + "writes inside __try/__finally to {0} and {1} were not both stored", Win32Names.hex(a),
                Win32Names.hex(b)));

        boolean[] innerSaw = new boolean[2];
        long c = probe.cellAddress(12, 0);
        probe.outer(() -> sheet.guarded(() -> seh.tryExcept(() -> mem.write(c, pattern(12, 0, 8), 0, 8), r -> {
            innerSaw[0] |= r.ExceptionCode == WinNT.EXCEPTION_ACCESS_VIOLATION;
            return WinNT.EXCEPTION_CONTINUE_SEARCH;
        }, r -> innerSaw[1] = true)));
        t.expect(2, innerSaw[0] && !innerSaw[1] && stored(probe, c, 12, 0), Msg.of("nested.continue-search", "an "
                + "inner __except whose filter answers EXCEPTION_CONTINUE_SEARCH, around a write to {0}: the inner "
                + "filter {1,choice,0#never saw|1#saw} the violation, its handler {2,choice,0#did not run|1#ran}, the "
                + "data was {3,choice,0#not stored|1#stored}; expected: seen, not run, stored", Win32Names.hex(c),
                flag(innerSaw[0]), flag(innerSaw[1]), flag(stored(probe, c, 12, 0))));

        boolean[] innerCaught = new boolean[1];
        SheetProbe.Outer nul = probe.outer(() -> sheet.guarded(() -> seh.tryExcept(() -> mem.getInt(0),
                r -> WinNT.EXCEPTION_EXECUTE_HANDLER, r -> innerCaught[0] = true)));
        t.expect(innerCaught[0] && nul.caught() == null && nul.died() == null, innerCaught[0]
                ? Msg.of("nested.inner-handler", "an inner __except that handles a NULL read inside guarded(): {0}; "
                        + "expected the inner handler to run and guarded() to return normally", nul.describe())
                : Msg.of("nested.inner-handler-not-run", "an inner __except that handles a NULL read inside "
                        + "guarded(): its handler did not run; {0}; expected the inner handler to run and guarded() to "
                        + "return normally", nul.describe()));

        long d = probe.cellAddress(13, 0);
        probe.outer(() -> sheet.guarded(() -> sheet.guarded(() -> {
            runs[2]++;
            mem.write(d, pattern(13, 0, 8), 0, 8);
        })));
        t.expect(runs[2] == 1 && stored(probe, d, 13, 0), Msg.of("nested.guarded", "guarded() inside guarded() "
                + "writing {0}: the body ran {1} and the data was {2,choice,0#not stored|1#stored}; expected once and "
                + "stored", Win32Names.hex(d), times(runs[2]), flag(stored(probe, d, 13, 0))));
        return t.result(10, Msg.of("nested.pass", "Every nested body ran once, __finally saw a normal exit, and "
                        + "inner handlers saw their exceptions in order."))
                .hint("retries-in-handler", "Cure the fault in the filter and return EXCEPTION_CONTINUE_EXECUTION: the access is retried in"
                        + " place. EXCEPTION_EXECUTE_HANDLER unwinds the body (running its __finally blocks) and "
                        + "cannot resume it; running the body again repeats its side effects.")
                .evidence(ctx.traceEvidence());
    }

    private static boolean stored(SheetProbe probe, long address, int row, int column) {
        byte[] b = probe.memoryAt(address, 8);
        return b != null && Arrays.equals(b, pattern(row, column, 8));
    }

    private static Msg times(int n) {
        return Msg.of("times", "{0,choice,0#0 times|1#once|1<{0} times}", n);
    }

    private static int flag(boolean b) {
        return b ? 1 : 0;
    }
}
