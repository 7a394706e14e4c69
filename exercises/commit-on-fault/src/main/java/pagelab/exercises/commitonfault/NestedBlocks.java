package pagelab.exercises.commitonfault;

import static pagelab.exercises.commitonfault.SheetProbe.pattern;

import java.util.Arrays;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
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
        t.expect(3, runs[0] == 1 && runs[1] == 1 && !abnormal[0], "a __try/__finally inside guarded() writing two "
                + "new pages: its body ran " + times(runs[0]) + " and its __finally " + times(runs[1])
                + (abnormal[0] ? ", with AbnormalTermination() TRUE" : "") + "; expected once each, normally");
        t.expect(stored(probe, a, 10, 0) && stored(probe, b, 11, 0), "the writes inside __try/__finally to "
                + Win32Names.hex(a) + " and " + Win32Names.hex(b) + " were not both stored");

        boolean[] innerSaw = new boolean[2];
        long c = probe.cellAddress(12, 0);
        probe.outer(() -> sheet.guarded(() -> seh.tryExcept(() -> mem.write(c, pattern(12, 0, 8), 0, 8), r -> {
            innerSaw[0] |= r.ExceptionCode == WinNT.EXCEPTION_ACCESS_VIOLATION;
            return WinNT.EXCEPTION_CONTINUE_SEARCH;
        }, r -> innerSaw[1] = true)));
        t.expect(2, innerSaw[0] && !innerSaw[1] && stored(probe, c, 12, 0), "an inner __except whose filter answers "
                + "EXCEPTION_CONTINUE_SEARCH, around a write to " + Win32Names.hex(c) + ": the inner filter "
                + (innerSaw[0] ? "saw" : "never saw") + " the violation, its handler " + (innerSaw[1] ? "ran" : "did not"
                + " run") + ", the data was " + (stored(probe, c, 12, 0) ? "" : "not ") + "stored; expected: seen, "
                + "not run, stored");

        boolean[] innerCaught = new boolean[1];
        SheetProbe.Outer nul = probe.outer(() -> sheet.guarded(() -> seh.tryExcept(() -> mem.getInt(0),
                r -> WinNT.EXCEPTION_EXECUTE_HANDLER, r -> innerCaught[0] = true)));
        t.expect(innerCaught[0] && nul.caught() == null && nul.died() == null, "an inner __except that handles a "
                + "NULL read inside guarded(): " + (innerCaught[0] ? "" : "its handler did not run; ") + nul.describe()
                + "; expected the inner handler to run and guarded() to return normally");

        long d = probe.cellAddress(13, 0);
        probe.outer(() -> sheet.guarded(() -> sheet.guarded(() -> {
            runs[2]++;
            mem.write(d, pattern(13, 0, 8), 0, 8);
        })));
        t.expect(runs[2] == 1 && stored(probe, d, 13, 0), "guarded() inside guarded() writing " + Win32Names.hex(d)
                + ": the body ran " + times(runs[2]) + " and the data was " + (stored(probe, d, 13, 0) ? "" : "not ")
                + "stored; expected once and stored");
        return t.result(10, "Every nested body ran once, __finally saw a normal exit, and inner handlers saw "
                        + "their exceptions in order.")
                .hint("retries-in-handler", "Cure the fault in the filter and return EXCEPTION_CONTINUE_EXECUTION: the access is retried in"
                        + " place. EXCEPTION_EXECUTE_HANDLER unwinds the body (running its __finally blocks) and "
                        + "cannot resume it; running the body again repeats its side effects.")
                .evidence(ctx.traceEvidence());
    }

    private static boolean stored(SheetProbe probe, long address, int row, int column) {
        byte[] b = probe.memoryAt(address, 8);
        return b != null && Arrays.equals(b, pattern(row, column, 8));
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }
}
