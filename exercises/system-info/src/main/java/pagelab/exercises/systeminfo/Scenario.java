package pagelab.exercises.systeminfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Supplier;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckFailedException;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Kernel32;
import pagelab.kernel.MEMORYSTATUSEX;
import pagelab.kernel.WinNT;

/**
 * Plays steps in the check's process: asks the forecast first, then makes the call and measures what
 * {@code GlobalMemoryStatusEx} says before and after. One per check.
 */
final class Scenario {
    static final long PAGE = 4096;

    private final CheckContext ctx;
    private final MemoryForecast forecast;
    private final Kernel32 k;
    private final List<Long> bases = new ArrayList<>();
    private final Tally tally = new Tally();
    private int played;

    Scenario(CheckContext ctx, MemoryForecast forecast) {
        this.ctx = ctx;
        this.forecast = forecast;
        this.k = ctx.kernel32();
        call(() -> {
            forecast.start(k);
            return null;
        }, Msg.text("start(kernel)"));
    }

    /** Predicts, makes and measures {@code step}, and records whether each figure was predicted right. */
    void play(Step step) {
        Change predicted = call(() -> forecast.predict(step), Msg.of("call.predict", "predict({0})",
                describe(step)));
        MEMORYSTATUSEX before = status();
        make(step);
        MEMORYSTATUSEX after = status();
        Change actual = new Change(after.ullAvailVirtual - before.ullAvailVirtual,
                after.ullAvailPageFile - before.ullAvailPageFile, after.ullAvailPhys - before.ullAvailPhys);
        played++;
        if (predicted == null) {
            tally.expect(3, false, Msg.of("step.predict-null", "step {0} ({1}): predict returned null", played,
                    describe(step))).hint("predict-null", "predict returns a "
                    + "Change for every step, new Change(0, 0, 0) when nothing moves.");
            return;
        }
        boolean[] right = {predicted.availVirtual() == actual.availVirtual(),
                predicted.availPageFile() == actual.availPageFile(), predicted.availPhys() == actual.availPhys()};
        long[] moved = {actual.availVirtual(), actual.availPageFile(), actual.availPhys()};
        long[] guessed = {predicted.availVirtual(), predicted.availPageFile(), predicted.availPhys()};
        // A figure that did not move earns its point only when every figure that moved was predicted too: a
        // forecast of "no change" everywhere (the starter's) must not score on the figures a step leaves alone.
        boolean movedRight = true;
        for (int f = 0; f < 3; f++) {
            movedRight &= moved[f] == 0 || right[f];
        }
        for (int f = 0; f < 3; f++) {
            boolean counts = right[f] && (moved[f] != 0 || movedRight);
            tally.expect(counts, right[f] && !counts
                    ? Msg.of("step.figure-not-counted", "step {0} ({1}): {2} changed by {3} bytes, you predicted {4} "
                            + "bytes (not counted: a figure that moved was missed)", played, describe(step),
                            FIGURES[f], signed(moved[f]), signed(guessed[f]))
                    : Msg.of("step.figure", "step {0} ({1}): {2} changed by {3} bytes, you predicted {4} bytes",
                            played, describe(step), FIGURES[f], signed(moved[f]), signed(guessed[f])));
            if (!right[f]) {
                String mode = mistake(step.kind(), f, moved[f], guessed[f]);
                tally.hint(mode, HINTS.get(mode));
            }
        }
    }

    private static final Map<String, String> HINTS = Map.of(
            "reserve-rounds-to-granularity", "A reservation costs its size rounded up to whole pages of address "
                    + "space, not whole 64 KiB units: only its base is aligned to 64 KiB.",
            "commit-takes-ram", "Committing takes no RAM: a committed page is demand-zero and gets a frame when it is "
                    + "first touched.",
            "recommit-charges-again", "Committing a page that is already committed costs nothing: charge only the "
                    + "pages of the range not committed yet.",
            "decommit-keeps-ram", "MEM_DECOMMIT (and MEM_RELEASE) give the touched pages' RAM frames back at once, "
                    + "with their commit charge.",
            "address-space", "Address space moves with reserve (whole pages) and release only.",
            "commit-charge", "The commit limit moves with the pages committed and decommitted, each page once.",
            "ram", "RAM moves when a committed page is first touched, and comes back when it is decommitted.");

    /** The misconception a wrong figure shows, from the step's kind, the figure and which way it was wrong. */
    static String mistake(Step.Kind kind, int figure, long moved, long guessed) {
        boolean reserves = kind == Step.Kind.RESERVE || kind == Step.Kind.ALLOCATE;
        boolean commits = kind == Step.Kind.COMMIT || kind == Step.Kind.ALLOCATE;
        boolean frees = kind == Step.Kind.DECOMMIT || kind == Step.Kind.RELEASE;
        if (figure == 0 && reserves && guessed < moved && guessed % (64 * 1024) == 0) {
            return "reserve-rounds-to-granularity";
        }
        if (figure == 2 && commits && moved == 0 && guessed < 0) {
            return "commit-takes-ram";
        }
        if (figure == 1 && kind == Step.Kind.COMMIT && guessed < moved) {
            return "recommit-charges-again";
        }
        if (figure == 2 && frees && moved > 0 && guessed < moved) {
            return "decommit-keeps-ram";
        }
        return figure == 0 ? "address-space" : figure == 1 ? "commit-charge" : "ram";
    }

    private static final String[] FIGURES = {"ullAvailVirtual", "ullAvailPageFile", "ullAvailPhys"};

    void playAll(List<Step> steps) {
        steps.forEach(this::play);
    }

    Tally tally() {
        return tally;
    }

    /** The region's base, or 0 if it does not exist (yet). */
    long base(int region) {
        return region < bases.size() ? bases.get(region) : 0;
    }

    int regions() {
        return bases.size();
    }

    private void make(Step s) {
        switch (s.kind()) {
            case RESERVE -> bases.add(k.VirtualAlloc(0, s.size(), WinNT.MEM_RESERVE, WinNT.PAGE_READWRITE));
            case ALLOCATE -> bases.add(k.VirtualAlloc(0, s.size(), WinNT.MEM_RESERVE | WinNT.MEM_COMMIT,
                    WinNT.PAGE_READWRITE));
            case COMMIT -> k.VirtualAlloc(base(s.region()) + s.offset(), s.size(), WinNT.MEM_COMMIT,
                    WinNT.PAGE_READWRITE);
            case TOUCH -> {
                long from = base(s.region()) + s.offset();
                for (long a = from; a < from + s.size(); a = (a & ~(PAGE - 1)) + PAGE) {
                    ctx.memory().setByte(a, (byte) 1);
                }
            }
            case DECOMMIT -> k.VirtualFree(base(s.region()) + s.offset(), s.size(), WinNT.MEM_DECOMMIT);
            case RELEASE -> k.VirtualFree(base(s.region()), 0, WinNT.MEM_RELEASE);
            default -> throw new IllegalStateException("Scenario.make: unknown step " + s);
        }
    }

    private MEMORYSTATUSEX status() {
        MEMORYSTATUSEX ms = new MEMORYSTATUSEX();
        if (!k.GlobalMemoryStatusEx(ms)) {
            throw new IllegalStateException("Scenario.status: GlobalMemoryStatusEx failed with "
                    + Win32Names.error(k.GetLastError()));
        }
        return ms;
    }

    /** A change in bytes with its sign and thousands separators ({@code +4,096}), for "{0} bytes". */
    static String signed(long bytes) {
        return String.format(Locale.ROOT, "%+,d", bytes);
    }

    /**
     * {@code step} as {@link Step#toString} says it, translatable; the sizes and offsets are text so that they read as
     * they always did (100000, not 100,000).
     */
    static Msg describe(Step step) {
        String size = String.valueOf(step.size());
        String from = String.valueOf(step.offset());
        String to = String.valueOf(step.offset() + step.size() - 1);
        return switch (step.kind()) {
            case RESERVE -> Msg.of("step.reserve", "reserve region {0} of {1} bytes", step.region(), size);
            case ALLOCATE -> Msg.of("step.allocate", "reserve and commit region {0} of {1} bytes", step.region(),
                    size);
            case RELEASE -> Msg.of("step.release", "release region {0}", step.region());
            case COMMIT -> Msg.of("step.commit", "commit bytes {1}..{2} of region {0}", step.region(), from, to);
            case TOUCH -> Msg.of("step.touch", "touch bytes {1}..{2} of region {0}", step.region(), from, to);
            case DECOMMIT -> Msg.of("step.decommit", "decommit bytes {1}..{2} of region {0}", step.region(), from,
                    to);
        };
    }

    // A Java exception from the student's forecast is a wrong answer with a message, not a checker error.
    private <T> T call(Supplier<T> action, Msg what) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("call.threw", "{0} threw {1}", what,
                    e.toString()))
                    .evidence(ctx.traceEvidence()));
        }
    }
}
