package pagelab.exercises.sparsemapping;

import static pagelab.exercises.sparsemapping.SparseSection.RECORD;
import static pagelab.exercises.sparsemapping.SparseSection.SIZE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckFailedException;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Evidence;
import pagelab.exercise.Msg;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Machine;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinNT;
import pagelab.kernel.WinProcess;
import pagelab.kernel.inspect.Allocation;
import pagelab.kernel.inspect.TraceEvent;

/**
 * Processes sharing the student's section: the creator (the check's own process) and attached ones, each with its own
 * instance of the student's class; ground truth about their views and the machine's commit charge. One per check.
 */
final class Sharers {
    static final int PAGE = 4096;

    private final CheckContext ctx;
    private final Machine machine;
    private final List<WinProcess> processes = new ArrayList<>();
    private final List<SparseSection> sections = new ArrayList<>();
    final long chargeBefore;

    Sharers(CheckContext ctx, Machine machine) {
        this.ctx = ctx;
        this.machine = machine;
        this.chargeBefore = machine.inspector().counters().commitChargeBytes();
    }

    /** Starts a process and creates the section in it; a failure ends the check. */
    SparseSection create(WinProcess p) {
        SparseSection s = (SparseSection) ctx.newSolution();
        processes.add(p);
        sections.add(s);
        boolean ok = call("create", () -> s.create(p.kernel32(), p.memory()));
        if (!ok || s.view() == 0 || view(p, s) == null) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("create.expected", "create to make the section "
                    + "and map a view"), view(p, s) == null
                    ? Msg.of("create.no-view", "create returned {0} and view() {1}, which is no mapped view",
                            String.valueOf(ok), Win32Names.hex(s.view()))
                    : Msg.of("create.view", "create returned {0} and view() {1}, which is a view",
                            String.valueOf(ok), Win32Names.hex(s.view()))).hint("create-fails",
                            "CreateFileMapping(INVALID_HANDLE_VALUE,"
                    + " NULL, PAGE_READWRITE | SEC_RESERVE, 0, SIZE, NAME), then MapViewOfFile(h, FILE_MAP_READ | "
                    + "FILE_MAP_WRITE, 0, 0, 0).").evidence(trace()));
        }
        return s;
    }

    /** A second process that attaches to the section. */
    SparseSection attach() {
        WinProcess p = machine.createProcess();
        SparseSection s = (SparseSection) ctx.newSolution();
        processes.add(p);
        sections.add(s);
        boolean ok = call("attach", () -> s.attach(p.kernel32(), p.memory()));
        if (!ok || s.view() == 0) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("attach.expected", "attach in a second process "
                    + "to map the section"), Msg.of("attach.actual", "attach returned {0}", String.valueOf(ok))).hint("attach-fails",
                            "OpenFileMapping(FILE_MAP_READ | FILE_MAP_WRITE, FALSE, NAME).")
                    .evidence(trace()));
        }
        return s;
    }

    WinProcess process(SparseSection s) {
        return processes.get(sections.indexOf(s));
    }

    /** The mapped view allocation at {@code s.view()}, or null. */
    Allocation view(WinProcess p, SparseSection s) {
        Allocation a = p.inspector().snapshot().allocationAt(s.view());
        return a != null && a.type() == WinNT.MEM_MAPPED && a.base() == s.view() ? a : null;
    }

    /** Committed pages of the section's view in {@code s}'s process. */
    long committedPages(SparseSection s) {
        WinProcess p = process(s);
        long n = 0;
        for (long a = s.view(); a < s.view() + SIZE; a += PAGE) {
            n += p.inspector().page(a).state() == WinNT.MEM_COMMIT ? 1 : 0;
        }
        return n;
    }

    /** The commit charge added since this check started, in pages. */
    long chargedPages() {
        return (machine.inspector().counters().commitChargeBytes() - chargeBefore) / PAGE;
    }

    boolean put(SparseSection s, int index, byte[] data) {
        return call("put(" + index + ", ...)", () -> s.put(index, data));
    }

    byte[] get(SparseSection s, int index) {
        return call("get(" + index + ")", () -> s.get(index));
    }

    void close(SparseSection s) {
        call("close()", () -> {
            s.close();
            return null;
        });
    }

    Evidence trace() {
        List<TraceEvent> events = new ArrayList<>();
        for (TraceEvent e : machine.inspector().trace()) {
            if (processes.stream().anyMatch(p -> p.id() == e.processId())) {
                events.add(e);
            }
        }
        return Evidence.trace("Kernel calls and faults of the processes", events);
    }

    /** {@code 1 page}, {@code 4,096 pages}, as {@link Win32Names#pages} says it, translatable. */
    static Msg pages(long count) {
        return Msg.of("pages", "{0,choice,0#{0} pages|1#{0} page|1<{0} pages}", count);
    }

    /** {@code 1 byte}, {@code 16,777,216 bytes}, as {@link Win32Names#bytes} says it, translatable. */
    static Msg bytes(long count) {
        return Msg.of("bytes", "{0,choice,0#{0} bytes|1#{0} byte|1<{0} bytes}", count);
    }

    static byte[] pattern(int index, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (index * 13 + i * 7 + 1);
        }
        return b;
    }

    static byte[] padded(byte[] b) {
        return Arrays.copyOf(b, RECORD);
    }

    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (UnhandledSehException e) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("crash", "{0} crashed the process: {1}.", what,
                    Win32Names.exception(e.record())))
                    .hint(ctx.injectedFailure() != null ? null : "touches-reserved-page",
                            "A SEC_RESERVE view is reserved, not committed: commit a page with "
                            + "VirtualAlloc(MEM_COMMIT) before touching it, and read only committed pages.")
                    .evidence(trace()));
        }
    }
}
