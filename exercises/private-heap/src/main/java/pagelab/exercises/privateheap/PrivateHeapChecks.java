package pagelab.exercises.privateheap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Evidence;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinProcess;
import pagelab.kernel.inspect.HeapInfo;
import pagelab.kernel.inspect.KernelCall;

/**
 * The checks of {@code private-heap}. The checker plays the program that news and deletes CSomeClass objects and
 * reads the process's heaps from the kernel's inspection API.
 */
public class PrivateHeapChecks {

    @Check(points = 15, title = "The first new creates the class heap and allocates from it", order = 1)
    public CheckResult createsHeapOnFirstNew(ClassHeap cls, CheckContext ctx) {
        Objects o = new Objects(ctx, ctx.process(), cls);
        Tally t = new Tally();
        t.expect(o.heap() == 0, Msg.of("first.heap-before-new", "before any new, heap() is already {0}",
                Win32Names.hex(o.heap())));
        long p = o.allocate();
        long heap = o.heap();
        t.expect(2, heap != 0 && o.heapInfo(heap) != null, Msg.of("first.not-a-heap", "after the first new, heap() "
                + "is {0}, which is not a heap of the process", Win32Names.hex(heap)));
        t.expect(2, heap != 0 && o.heapHolding(p) == heap, o.heapHolding(p) != 0
                ? Msg.of("first.in-other-heap", "the object at {0} is not in the class heap but in heap {1}",
                        Win32Names.hex(p), Win32Names.hex(o.heapHolding(p)))
                : Msg.of("first.not-in-heap", "the object at {0} is not in the class heap", Win32Names.hex(p)));
        return t.result(15, Msg.of("first.pass", "The first new created heap {0} and put the object at {1} in it.",
                        Win32Names.hex(heap), Win32Names.hex(p)))
                .hint("no-class-heap", "if (s_hHeap == NULL) s_hHeap = HeapCreate(0, 0, 0); then HeapAlloc(s_hHeap, 0, size).")
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 15, title = "All objects share one class heap", after = "createsHeapOnFirstNew", order = 2)
    public CheckResult oneHeapForAllObjects(ClassHeap cls, CheckContext ctx) {
        Objects o = new Objects(ctx, ctx.process(), cls);
        List<Long> objects = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            objects.add(o.allocate());
        }
        int created = o.calls("HeapCreate").size();
        long heap = o.heap();
        long outside = objects.stream().filter(p -> o.heapHolding(p) != heap).count();
        HeapInfo info = o.heapInfo(heap);
        Tally t = new Tally();
        t.expect(2, created == 1, Msg.of("one.heaps", "50 objects made {0}; the class needs one heap",
                heapCreateCalls(created)));
        t.expect(outside == 0, Msg.of("one.outside", "{0} of the 50 objects are not in the class heap {1}", outside,
                Win32Names.hex(heap)));
        t.expect(info != null && info.busyBlocks() == 50, Msg.of("one.blocks", "the class heap holds {0}, not 50",
                info == null ? Msg.of("blocks.none", "no blocks") : blocks(info.busyBlocks())));
        return t.result(15, Msg.of("one.pass", "50 objects, one HeapCreate, all in heap {0}.", Win32Names.hex(heap)))
                .hint("heap-per-object", "Create the heap only when s_hHeap is NULL; count the objects in it.")
                .evidence(Evidence.calls("HeapCreate calls", o.calls("HeapCreate")));
    }

    @Check(points = 20, title = "The heap is destroyed after the last delete, not before", after =
            "oneHeapForAllObjects", order = 3)
    public CheckResult destroysHeapAfterLastDelete(ClassHeap cls, CheckContext ctx) {
        Objects o = new Objects(ctx, ctx.process(), cls);
        long a = o.allocate();
        long b = o.allocate();
        long c = o.allocate();
        long heap = o.heap();
        o.free(b);
        o.free(a);
        Tally t = new Tally();
        t.expect(2, o.heapInfo(heap) != null && o.heap() == heap, Msg.of("destroy.too-early", "with one object still "
                + "alive the class heap {0} is gone", Win32Names.hex(heap))).hint("destroys-too-early", "HeapDestroy only when the count of "
                + "objects in the heap (s_uNumAllocsInHeap) reaches 0, not on every delete.");
        if (o.heapInfo(heap) != null) {
            o.free(c);
        }
        HeapInfo left = o.heapInfo(heap);
        t.expect(2, left == null, Msg.of("destroy.still-exists", "after the last delete the class heap {0} still "
                + "exists with {1} committed", Win32Names.hex(heap), bytes(left == null ? 0 : left.committedBytes())))
                .hint("never-destroys", "Count the objects "
                + "(s_uNumAllocsInHeap); HeapDestroy(s_hHeap) and s_hHeap = NULL when the count reaches 0.");
        t.expect(o.heap() == 0, Msg.of("destroy.heap-not-zero", "after the last delete heap() is {0}, not 0",
                Win32Names.hex(o.heap())))
                .hint("stale-handle", "After HeapDestroy set s_hHeap = NULL: the handle names a heap that is gone.");
        return t.result(20, Msg.of("destroy.pass", "The heap survived while an object lived and was destroyed by "
                        + "the last delete."))
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 10, title = "A new after the heap was destroyed creates it again", after =
            "destroysHeapAfterLastDelete", order = 4)
    public CheckResult recreatesHeapAfterDestroy(ClassHeap cls, CheckContext ctx) {
        Objects o = new Objects(ctx, ctx.process(), cls);
        o.free(o.allocate());
        long p = o.allocate();
        long heap = o.heap();
        Tally t = new Tally();
        t.expect(heap != 0 && o.heapInfo(heap) != null && o.heapHolding(p) == heap, Msg.of("recreate.no-object",
                "the new after the heap was destroyed did not get an object in a new class heap")).hint("stale-handle", "After HeapDestroy set "
                + "s_hHeap = NULL, so that the next new sees NULL and creates a heap again.");
        t.expect(o.calls("HeapCreate").size() == 2, Msg.of("recreate.heaps", "{0} for two lifetimes of the heap; "
                + "expected 2", heapCreateCalls(o.calls("HeapCreate").size()))).hint("never-destroys", "The heap must go with the "
                + "last delete (HeapDestroy, s_hHeap = NULL) and come back with the next new (HeapCreate).");
        return t.result(10, Msg.of("recreate.pass", "The second lifetime of the class started with a new heap {0}.",
                        Win32Names.hex(heap)))
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 10, title = "delete frees into the class heap", after = "oneHeapForAllObjects", order = 5)
    public CheckResult freesIntoClassHeap(ClassHeap cls, CheckContext ctx) {
        Objects o = new Objects(ctx, ctx.process(), cls);
        long a = o.allocate();
        o.allocate();
        long heap = o.heap();
        o.free(a);
        List<KernelCall> frees = o.calls("HeapFree");
        Tally t = new Tally();
        for (KernelCall f : frees) {
            t.expect(!f.failed() && Win32Names.parseHex(f.arguments().get(0)) == heap, f.failed()
                    ? Msg.of("free.failed", "{0}: the object came from heap {1}; HeapFree failed with {2}",
                            f.toString(), Win32Names.hex(heap), Win32Names.error(f.lastError()))
                    : Msg.of("free.wrong-heap", "{0}: the object came from heap {1}", f.toString(),
                            Win32Names.hex(heap))).hint("frees-to-process-heap", "HeapFree(s_hHeap, 0, p): "
                    + "a block goes back to the heap it came from, not to GetProcessHeap().");
        }
        t.expect(!frees.isEmpty(), Msg.of("free.none", "delete made no HeapFree call")).hint("no-free", "delete must HeapFree the "
                + "object's block.");
        HeapInfo info = o.heapInfo(heap);
        t.expect(info != null && info.busyBlocks() == 1, info == null
                ? Msg.of("free.destroyed", "after one of two deletes the class heap holds nothing, not 1: it was "
                        + "destroyed")
                : Msg.of("free.blocks", "after one of two deletes the class heap holds {0}, not 1",
                        blocks(info.busyBlocks()))).hint(info == null ? "destroys-too-early" : "frees-to-process-heap", info == null
                ? "HeapDestroy only when the last object is deleted: one object is still alive."
                : "HeapFree(s_hHeap, 0, p): a block goes back to the heap it came from.");
        return t.result(10, Msg.of("free.pass", "delete freed the object into heap {0}.", Win32Names.hex(heap)))
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 15, title = "A class heap leaves no holes in the process heap", after =
            "destroysHeapAfterLastDelete", order = 6)
    public CheckResult fragmentationComparison(ClassHeap cls, CheckContext ctx) {
        Objects o = new Objects(ctx, ctx.process(), cls);
        HeapInfo own = workload(ctx.process(), () -> o.allocate(), o::free);
        HeapInfo shared;
        try (Machine m = Machine.create(MachineConfig.x86().seed(ctx.seed()))) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            shared = workload(p, () -> k.HeapAlloc(k.GetProcessHeap(), 0, ClassHeap.OBJECT_SIZE),
                    b -> k.HeapFree(k.GetProcessHeap(), 0, b));
        }
        Msg compare = Msg.of("workload.compare", "process heap after the workload: {0} with the class heap, {1} when "
                + "the objects shared it", describe(own), describe(shared));
        Tally t = new Tally();
        t.expect(2, own.freeBlocks() < shared.freeBlocks(), Msg.of("workload.more-holes", "the {0}; the class heap "
                + "should leave fewer free holes", compare)).hint("shares-process-heap", "Short-lived objects interleaved with long-lived ones "
                + "leave holes in a shared heap; in their own heap they vanish together with it.");
        boolean alive = o.heap() != 0 && o.heapInfo(o.heap()) != null;
        // A destroyed heap whose handle was kept is not a heap that "still exists": say which it is.
        t.expect(o.heap() == 0, alive
                ? Msg.of("workload.still-exists", "after the workload the class heap {0} still exists",
                        Win32Names.hex(o.heap()))
                : Msg.of("workload.stale-handle", "after the workload the class heap was destroyed, but heap() still "
                        + "returns its old handle {0}", Win32Names.hex(o.heap()))).hint(alive ? "never-destroys" : "stale-handle", alive
                ? "HeapDestroy the class heap when its last object is deleted."
                : "After HeapDestroy set s_hHeap = NULL: the handle names a heap that is gone.");
        return t.result(15, Msg.of("workload.pass", "The {0}.", compare))
                .evidence(Evidence.note(Msg.of("note.workload", "Workload"), Msg.of("note.workload.steps",
                        "200 times: a 24-byte long-lived block in the process heap, then a CSomeClass object; then "
                        + "every CSomeClass object is deleted")));
    }

    @Check(points = 15, title = "The class heap works on x64 too", after = "destroysHeapAfterLastDelete", order = 7)
    public CheckResult worksOnX64(ClassHeap cls, CheckContext ctx) {
        try (Machine m = Machine.create(MachineConfig.x64().seed(ctx.seed()))) {
            Objects o = new Objects(ctx, m.createProcess(), cls);
            long a = o.allocate();
            long b = o.allocate();
            long heap = o.heap();
            Tally t = new Tally();
            t.expect(2, heap != 0 && o.heapHolding(a) == heap && o.heapHolding(b) == heap, Msg.of("x64.not-in-heap",
                    "on x64 the objects are not in the class heap {0}", Win32Names.hex(heap))).hint("int-address", "Keep handles and addresses "
                    + "in long: on x64 they do not fit in an int.");
            o.free(a);
            o.free(b);
            t.expect(o.heapInfo(heap) == null && o.heap() == 0, o.heapInfo(heap) != null
                    ? Msg.of("x64.survived", "on x64 the class heap survived the last delete")
                    : Msg.of("x64.stale-handle", "on x64 the class heap was destroyed, but heap() still returns {0}",
                            Win32Names.hex(o.heap()))).hint(o.heapInfo(heap) != null ? "never-destroys" : "stale-handle",
                    o.heapInfo(heap) != null ? "HeapDestroy the class heap with its last object, on x64 as on x86."
                    : "After HeapDestroy set s_hHeap = NULL.");
            return t.result(15, Msg.of("x64.pass", "On x64 the class heap {0} held both objects and went with the "
                    + "last delete.", Win32Names.hex(heap)));
        }
    }

    // 200 long-lived 24-byte blocks in the process heap interleaved with 200 objects, then every object freed.
    private static HeapInfo workload(WinProcess p, LongSupplier newObject,
                                     LongConsumer deleteObject) {
        Kernel32 k = p.kernel32();
        List<Long> objects = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            k.HeapAlloc(k.GetProcessHeap(), 0, 24);
            objects.add(newObject.getAsLong());
        }
        objects.forEach(deleteObject::accept);
        return p.inspector().heaps().stream().filter(HeapInfo::processHeap).findFirst().orElseThrow();
    }

    /** {@code 200 free blocks, 81,920 bytes committed, fragmentation 0.28}, translatable. */
    private static Msg describe(HeapInfo h) {
        return Msg.of("heap-summary", "{0,choice,0#{0} free blocks|1#{0} free block|1<{0} free blocks}, {1} "
                + "committed, fragmentation {2}", h.freeBlocks(), bytes(h.committedBytes()), h.fragmentation());
    }

    /** {@code 1 block}, {@code 50 blocks}, translatable. */
    private static Msg blocks(long count) {
        return Msg.of("blocks", "{0,choice,0#{0} blocks|1#{0} block|1<{0} blocks}", count);
    }

    /** {@code 1 HeapCreate call}, {@code 50 HeapCreate calls}, translatable. */
    private static Msg heapCreateCalls(long count) {
        return Msg.of("heap-create-calls", "{0,choice,0#{0} HeapCreate calls|1#{0} HeapCreate call|1<{0} HeapCreate "
                + "calls}", count);
    }

    /** {@code 1 byte}, {@code 4,096 bytes}, as {@link Win32Names#bytes} says it, translatable. */
    static Msg bytes(long count) {
        return Msg.of("bytes", "{0,choice,0#{0} bytes|1#{0} byte|1<{0} bytes}", count);
    }
}
