package pagelab.exercises.protection;

import static pagelab.exercises.protection.WriteTracker.BUFFER_SIZE;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckFailedException;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;
import pagelab.exercise.Win32Names;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.ProcessTerminatedException;
import pagelab.kernel.SehBlock;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.FaultEvent;

/**
 * The checker's view of one open tracker: page protections from the inspector, the checker's own outer
 * {@code __try/__except}, and calls into the student's code that turn a crash into a message. One per check.
 */
final class TrackerProbe {
    static final long PAGE = 4096;

    private final CheckContext ctx;
    private final WriteTracker tracker;
    private final long base;

    private TrackerProbe(CheckContext ctx, WriteTracker tracker, long base) {
        this.ctx = ctx;
        this.tracker = tracker;
        this.base = base;
    }

    static TrackerProbe open(CheckContext ctx, WriteTracker tracker) {
        boolean ok = call(ctx, "open", () -> tracker.open(ctx.kernel32(), ctx.memory(), ctx.process().seh()));
        long base = tracker.base();
        if (!ok || base == 0 || ctx.snapshot().allocationAt(base) == null) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("open.expected", "open to return true and base() to "
                    + "name the buffer"), Msg.of("open.actual", "open returned {0} and base() {1}", String.valueOf(ok),
                    Win32Names.hex(base)))
                    .hint("open-fails",
                            "VirtualAlloc(0, BUFFER_SIZE, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE), then "
                            + "VirtualProtect the buffer to PAGE_READONLY.")
                    .evidence(ctx.traceEvidence()));
        }
        return new TrackerProbe(ctx, tracker, base);
    }

    long base() {
        return base;
    }

    long page(int index) {
        return base + index * PAGE;
    }

    int protect(long address) {
        return ctx.page(address).protect();
    }

    /** How many pages of the buffer other than {@code except} have protection {@code prot}. */
    int pagesWith(int prot, long except) {
        int n = 0;
        for (long a = base; a < base + BUFFER_SIZE; a += PAGE) {
            n += a != except && protect(a) == prot ? 1 : 0;
        }
        return n;
    }

    /** The pages of the buffer whose protection is not {@code want}, as "0x... (PAGE_...)" texts; null if none. */
    Msg pagesNot(int want) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (long a = base; a < base + BUFFER_SIZE; a += PAGE) {
            if (protect(a) != want && n++ < 4) {
                b.append(n == 1 ? "" : ", ").append(Win32Names.hex(a)).append(" (")
                        .append(Win32Names.protection(protect(a))).append(')');
            }
        }
        return n == 0 ? null : n > 4 ? Msg.of("pages-not.more", "{0}, ... ({1} in all)", b.toString(), count(n))
                : Msg.text(b.toString());
    }

    /** Runs {@code body} inside {@code watched}, as student code would. */
    void watched(String what, SehBlock body) {
        call(ctx, what, () -> {
            tracker.watched(body);
            return null;
        });
    }

    List<Long> written() {
        List<Long> answer = call(ctx, "writtenPages()", tracker::writtenPages);
        return answer == null ? null : new ArrayList<>(answer); // the checker's own copy
    }

    boolean reset() {
        return call(ctx, "reset()", tracker::reset);
    }

    /** How many access violations were raised at addresses in {@code [from, from + size)}. */
    long violationsIn(long mark, long from, long size) {
        return ctx.since(mark).stream().filter(e -> e instanceof FaultEvent).map(e -> ((FaultEvent) e).record())
                .filter(r -> r.ExceptionCode == WinNT.EXCEPTION_ACCESS_VIOLATION && r.NumberParameters >= 2
                        && r.ExceptionInformation[1] - from >= 0 && r.ExceptionInformation[1] - from < size)
                .count();
    }

    /**
     * Runs {@code body} inside the checker's own {@code __try/__except} that handles everything: the exception that
     * reached it, how the process ended, or null if nothing reached it.
     */
    Msg outer(SehBlock body) {
        EXCEPTION_RECORD[] caught = new EXCEPTION_RECORD[1];
        try {
            ctx.process().seh().tryExcept(body, r -> {
                caught[0] = r.copy();
                return WinNT.EXCEPTION_EXECUTE_HANDLER;
            }, r -> { });
            return caught[0] == null ? null : Msg.text(Win32Names.exception(caught[0]));
        } catch (UnhandledSehException | ProcessTerminatedException e) {
            return Msg.of("outer.died", "the process ended: {0}", e.getMessage());
        }
    }

    /** Whether {@code outer} saw an access violation reach the outer handler. */
    static boolean isAccessViolation(Msg outer) {
        return outer != null && outer.english().startsWith("EXCEPTION_ACCESS_VIOLATION");
    }

    static Msg pages(List<Long> pages) {
        return pages == null ? Msg.text("null") : pages.isEmpty() ? Msg.of("pages.none", "none")
                : Msg.text(String.join(", ", pages.stream().map(Win32Names::hex).toList()));
    }

    /** {@code 1 page}, {@code 16 pages}, translatable. */
    static Msg count(long pages) {
        return Msg.of("page-count", "{0,choice,0#0 pages|1#1 page|1<{0} pages}", pages);
    }

    static <T> T call(CheckContext ctx, String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (UnhandledSehException e) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("crash", "{0} crashed the process: {1}, not "
                    + "handled by watchFilter or any __except.", what, Win32Names.exception(e.record())))
                    .hint("fault-not-handled",
                            "Is watched() a __try whose filter is watchFilter, and is the buffer PAGE_READONLY "
                            + "(reads allowed, writes fault)?")
                    .evidence(ctx.traceEvidence()));
        } catch (ProcessTerminatedException e) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("ended", "{0} ran in a process that had ended: {1}",
                    what, e.getMessage())).evidence(ctx.traceEvidence()));
        }
    }
}
