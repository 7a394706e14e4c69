package pagelab.exercise;

import java.util.ArrayList;
import java.util.List;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Machine;
import pagelab.kernel.Memory;
import pagelab.kernel.WinNT;
import pagelab.kernel.WinProcess;
import pagelab.kernel.control.FaultInjection;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.FaultEvent;
import pagelab.kernel.inspect.KernelCall;
import pagelab.kernel.inspect.PageInfo;
import pagelab.kernel.inspect.ProcessInspector;
import pagelab.kernel.inspect.TraceEvent;

/**
 * What a running check can see and do besides calling the solution: the fresh machine and process, ground truth
 * from the kernel's inspection API, fault injection, and ready-made evidence. One per check run; used by the
 * thread that runs the check.
 *
 * @since 0.1
 */
public final class CheckContext {
    private static final long PAGE = 4096;

    private final CheckInfo check;
    private final Machine machine;
    private final WinProcess process;
    private final SolutionFactory<?> solutions;
    private final long seed;
    private final long startSequence;

    CheckContext(CheckInfo check, Machine machine, WinProcess process, SolutionFactory<?> solutions, long seed) {
        this.check = check;
        this.machine = machine;
        this.process = process;
        this.solutions = solutions;
        this.seed = seed;
        this.startSequence = machine.inspector().lastSequence();
    }

    /** The check being run. */
    public CheckInfo check() {
        return check;
    }

    public Machine machine() {
        return machine;
    }

    /** The process made for this check; the solution's parameters ({@code Kernel32}, ...) belong to it. */
    public WinProcess process() {
        return process;
    }

    public Kernel32 kernel32() {
        return process.kernel32();
    }

    public Memory memory() {
        return process.memory();
    }

    /** The machine's seed for this check. */
    public long seed() {
        return seed;
    }

    /**
     * Deterministic fault injection, for grading error paths. The context remembers which functions the check made
     * fail, so that a solution that crashes after such a failure is told so ({@link #injectedFailure}).
     */
    public FaultInjection faultInjection() {
        FaultInjection real = machine.faultInjection();
        return new FaultInjection() {
            @Override
            public void failNthCall(String function, int nth, int win32Error) {
                injected.add(function);
                real.failNthCall(function, nth, win32Error);
            }

            @Override
            public void failAllCalls(String function, int win32Error) {
                injected.add(function);
                real.failAllCalls(function, win32Error);
            }

            @Override
            public void setCommitLimit(long bytes) {
                injected.add("VirtualAlloc");
                real.setCommitLimit(bytes);
            }

            @Override
            public void setDefaultStackReserve(long bytes) {
                real.setDefaultStackReserve(bytes);
            }

            @Override
            public void clear() {
                real.clear();
            }
        };
    }

    private final java.util.Set<String> injected = new java.util.LinkedHashSet<>();

    /**
     * The first call during this check that failed in a function the check made fail on purpose, or null: when a
     * solution crashes after it, it used what the failed call never gave it.
     *
     * @since 0.1.2
     */
    public KernelCall injectedFailure() {
        if (injected.isEmpty()) {
            return null;
        }
        return since(startSequence).stream().filter(e -> e instanceof KernelCall c && c.failed()
                && injected.contains(c.function())).map(KernelCall.class::cast).findFirst().orElse(null);
    }

    /** Read-only ground truth about the check's process. */
    public ProcessInspector inspector() {
        return process.inspector();
    }

    /** A new instance of the student's solution class. */
    public Object newSolution() {
        return solutions.create();
    }

    /** The address space now. */
    public AddressSpaceSnapshot snapshot() {
        return process.inspector().snapshot();
    }

    /** The state of the page holding {@code address} (touches nothing). */
    public PageInfo page(long address) {
        return process.inspector().page(address);
    }

    /** How many of the pages overlapping {@code [address, address + size)} are committed. */
    public long committedPages(long address, long size) {
        long first = address & ~(PAGE - 1);
        long n = 0;
        for (long a = first; a - address < size; a += PAGE) {
            if (page(a).state() == WinNT.MEM_COMMIT) {
                n++;
            }
        }
        return n;
    }

    /** The current trace position, to pass to {@link #since} later. */
    public long mark() {
        return machine.inspector().lastSequence();
    }

    /** This process's events after {@code mark} (exclusive). */
    public List<TraceEvent> since(long mark) {
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : machine.inspector().traceSince(mark)) {
            if (e.processId() == process.id()) {
                out.add(e);
            }
        }
        return out;
    }

    /** This process's events since the check started. */
    public List<TraceEvent> trace() {
        return since(startSequence);
    }

    /** The Kernel32 calls since the check started, optionally only those of {@code functions}. */
    public List<KernelCall> calls(String... functions) {
        List<KernelCall> out = new ArrayList<>();
        for (TraceEvent e : trace()) {
            if (e instanceof KernelCall c && (functions.length == 0 || List.of(functions).contains(c.function()))) {
                out.add(c);
            }
        }
        return out;
    }

    /** The exceptions raised since the check started. */
    public List<FaultEvent> faults() {
        List<FaultEvent> out = new ArrayList<>();
        for (TraceEvent e : trace()) {
            if (e instanceof FaultEvent f) {
                out.add(f);
            }
        }
        return out;
    }

    /** Evidence: the calls and faults since the check started. */
    public Evidence traceEvidence() {
        return Evidence.trace("Kernel calls and faults during the check", trace());
    }

    /** Evidence: the address space now, under {@code title}. */
    public Evidence snapshotEvidence(String title) {
        return Evidence.snapshot(title, snapshot());
    }
}
