package pagelab.exercises.privateheap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckFailedException;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Kernel32;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinProcess;
import pagelab.kernel.inspect.HeapInfo;
import pagelab.kernel.inspect.KernelCall;
import pagelab.kernel.inspect.TraceEvent;

/**
 * The checker's handle on the student's class in one process: news and deletes that turn a crash into a message,
 * and ground truth about the process's heaps and the heap calls made. One per check run.
 */
final class Objects {
    private final CheckContext ctx;
    private final WinProcess process;
    private final ClassHeap cls;
    private final long mark;

    Objects(CheckContext ctx, WinProcess process, ClassHeap cls) {
        this.ctx = ctx;
        this.process = process;
        this.cls = cls;
        this.mark = process.machine().inspector().lastSequence();
    }

    Kernel32 kernel() {
        return process.kernel32();
    }

    // The last HeapAlloc named a heap that an earlier HeapDestroy destroyed.
    private boolean allocatedFromDestroyedHeap() {
        List<KernelCall> allocs = calls("HeapAlloc");
        if (allocs.isEmpty()) {
            return false;
        }
        String heap = allocs.get(allocs.size() - 1).arguments().get(0);
        return calls("HeapDestroy").stream().anyMatch(d -> d.arguments().get(0).equals(heap));
    }

    long allocate() {
        long p = call(Msg.text("new CSomeClass"), () -> cls.allocate(process.kernel32()));
        if (p == 0) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("new.expected", "operator new to return an object"),
                    Msg.of("new.returned-null", "it returned NULL"))
                    .hint(allocatedFromDestroyedHeap() ? "stale-handle" : "no-class-heap", allocatedFromDestroyedHeap()
                            ? "HeapAlloc was given the handle of a heap HeapDestroy had destroyed: set s_hHeap = NULL "
                            + "after HeapDestroy, so the next new creates a heap again."
                            : "HeapCreate(0, 0, 0) once, then HeapAlloc(s_hHeap, 0, OBJECT_SIZE).")
                    .evidence(ctx.traceEvidence()));
        }
        return p;
    }

    void free(long object) {
        call(Msg.of("delete-of", "delete of {0}", Win32Names.hex(object)), () -> {
            cls.free(process.kernel32(), object);
            return null;
        });
    }

    long heap() {
        return cls.heap();
    }

    /** The calls of {@code function} made since this helper was created. */
    List<KernelCall> calls(String function) {
        List<KernelCall> out = new ArrayList<>();
        for (TraceEvent e : process.machine().inspector().traceSince(mark)) {
            if (e instanceof KernelCall k && k.processId() == process.id() && k.function().equals(function)) {
                out.add(k);
            }
        }
        return out;
    }

    /** The heap summary of {@code handle}, or null if the process has no such heap. */
    HeapInfo heapInfo(long handle) {
        return process.inspector().heaps().stream().filter(h -> h.handle() == handle).findFirst().orElse(null);
    }

    HeapInfo processHeap() {
        return process.inspector().heaps().stream().filter(HeapInfo::processHeap).findFirst().orElse(null);
    }

    /** The heap whose regions hold {@code address}, as its handle; 0 if none. */
    long heapHolding(long address) {
        var a = process.inspector().snapshot().allocationAt(address);
        if (a == null) {
            return 0;
        }
        for (HeapInfo h : process.inspector().heaps()) {
            // A heap's first region starts at its handle; its other segments name the heap in their detail.
            if (h.handle() == a.base() || a.detail().toLowerCase().contains(String.format("0x%08x", h.handle()))) {
                return h.handle();
            }
        }
        return 0;
    }

    private <T> T call(Msg what, Supplier<T> action) {
        try {
            return action.get();
        } catch (UnhandledSehException e) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("crash", "{0} crashed the process: {1}.", what,
                    Win32Names.exception(e.record())))
                    .hint("foreign-heap-block",
                            "A block must be freed with HeapFree on the heap it came from; a destroyed heap is gone "
                            + "with every block in it.").evidence(ctx.traceEvidence()));
        }
    }
}
