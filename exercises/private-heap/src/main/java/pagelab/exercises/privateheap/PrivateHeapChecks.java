package pagelab.exercises.privateheap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Evidence;
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
        t.expect(o.heap() == 0, "before any new, heap() is already " + Win32Names.hex(o.heap()));
        long p = o.allocate();
        long heap = o.heap();
        t.expect(2, heap != 0 && o.heapInfo(heap) != null, "after the first new, heap() is " + Win32Names.hex(heap)
                + ", which is not a heap of the process");
        t.expect(2, heap != 0 && o.heapHolding(p) == heap, "the object at " + Win32Names.hex(p) + " is not in the "
                + "class heap" + (o.heapHolding(p) != 0 ? " but in heap " + Win32Names.hex(o.heapHolding(p)) : ""));
        return t.result(15, "The first new created heap " + Win32Names.hex(heap) + " and put the object at "
                        + Win32Names.hex(p) + " in it.")
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
        t.expect(2, created == 1, "50 objects made " + Win32Names.count(created, "HeapCreate call") + "; the class "
                + "needs one heap");
        t.expect(outside == 0, outside + " of the 50 objects are not in the class heap " + Win32Names.hex(heap));
        t.expect(info != null && info.busyBlocks() == 50, "the class heap holds " + (info == null ? "no blocks"
                : Win32Names.count(info.busyBlocks(), "block")) + ", not 50");
        return t.result(15, "50 objects, one HeapCreate, all in heap " + Win32Names.hex(heap) + ".")
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
        t.expect(2, o.heapInfo(heap) != null && o.heap() == heap, "with one object still alive the class heap "
                + Win32Names.hex(heap) + " is gone").hint("destroys-too-early", "HeapDestroy only when the count of "
                + "objects in the heap (s_uNumAllocsInHeap) reaches 0, not on every delete.");
        if (o.heapInfo(heap) != null) {
            o.free(c);
        }
        t.expect(2, o.heapInfo(heap) == null, "after the last delete the class heap " + Win32Names.hex(heap)
                + " still exists" + (o.heapInfo(heap) != null ? " with " + Win32Names.bytes(o.heapInfo(heap)
                .committedBytes()) + " committed" : "")).hint("never-destroys", "Count the objects "
                + "(s_uNumAllocsInHeap); HeapDestroy(s_hHeap) and s_hHeap = NULL when the count reaches 0.");
        t.expect(o.heap() == 0, "after the last delete heap() is " + Win32Names.hex(o.heap()) + ", not 0")
                .hint("stale-handle", "After HeapDestroy set s_hHeap = NULL: the handle names a heap that is gone.");
        return t.result(20, "The heap survived while an object lived and was destroyed by the last delete.")
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
        t.expect(heap != 0 && o.heapInfo(heap) != null && o.heapHolding(p) == heap, "the new after the heap was "
                + "destroyed did not get an object in a new class heap").hint("stale-handle", "After HeapDestroy set "
                + "s_hHeap = NULL, so that the next new sees NULL and creates a heap again.");
        t.expect(o.calls("HeapCreate").size() == 2, Win32Names.count(o.calls("HeapCreate").size(), "HeapCreate call")
                + " for two lifetimes of the heap; expected 2").hint("never-destroys", "The heap must go with the "
                + "last delete (HeapDestroy, s_hHeap = NULL) and come back with the next new (HeapCreate).");
        return t.result(10, "The second lifetime of the class started with a new heap " + Win32Names.hex(heap) + ".")
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
            t.expect(!f.failed() && Win32Names.parseHex(f.arguments().get(0)) == heap, f + ": the object "
                    + "came from heap " + Win32Names.hex(heap) + (f.failed() ? "; HeapFree failed with "
                    + Win32Names.error(f.lastError()) : "")).hint("frees-to-process-heap", "HeapFree(s_hHeap, 0, p): "
                    + "a block goes back to the heap it came from, not to GetProcessHeap().");
        }
        t.expect(!frees.isEmpty(), "delete made no HeapFree call").hint("no-free", "delete must HeapFree the "
                + "object's block.");
        HeapInfo info = o.heapInfo(heap);
        t.expect(info != null && info.busyBlocks() == 1, "after one of two deletes the class heap holds "
                + (info == null ? "nothing: it was destroyed" : Win32Names.count(info.busyBlocks(), "block"))
                + ", not 1").hint(info == null ? "destroys-too-early" : "frees-to-process-heap", info == null
                ? "HeapDestroy only when the last object is deleted: one object is still alive."
                : "HeapFree(s_hHeap, 0, p): a block goes back to the heap it came from.");
        return t.result(10, "delete freed the object into heap " + Win32Names.hex(heap) + ".")
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
        String compare = "process heap after the workload: " + describe(own) + " with the class heap, "
                + describe(shared) + " when the objects shared it";
        Tally t = new Tally();
        t.expect(2, own.freeBlocks() < shared.freeBlocks(), "the " + compare + "; the class heap should leave fewer "
                + "free holes").hint("shares-process-heap", "Short-lived objects interleaved with long-lived ones "
                + "leave holes in a shared heap; in their own heap they vanish together with it.");
        boolean alive = o.heap() != 0 && o.heapInfo(o.heap()) != null;
        // A destroyed heap whose handle was kept is not a heap that "still exists": say which it is.
        t.expect(o.heap() == 0, alive ? "after the workload the class heap " + Win32Names.hex(o.heap())
                + " still exists" : "after the workload the class heap was destroyed, but heap() still returns its "
                + "old handle " + Win32Names.hex(o.heap())).hint(alive ? "never-destroys" : "stale-handle", alive
                ? "HeapDestroy the class heap when its last object is deleted."
                : "After HeapDestroy set s_hHeap = NULL: the handle names a heap that is gone.");
        return t.result(15, "The " + compare + ".")
                .evidence(Evidence.note("Workload", "200 times: a 24-byte long-lived block in the process heap, then "
                        + "a CSomeClass object; then every CSomeClass object is deleted"));
    }

    @Check(points = 15, title = "The class heap works on x64 too", after = "destroysHeapAfterLastDelete", order = 7)
    public CheckResult worksOnX64(ClassHeap cls, CheckContext ctx) {
        try (Machine m = Machine.create(MachineConfig.x64().seed(ctx.seed()))) {
            Objects o = new Objects(ctx, m.createProcess(), cls);
            long a = o.allocate();
            long b = o.allocate();
            long heap = o.heap();
            Tally t = new Tally();
            t.expect(2, heap != 0 && o.heapHolding(a) == heap && o.heapHolding(b) == heap, "on x64 the objects are not"
                    + " in the class heap " + Win32Names.hex(heap)).hint("int-address", "Keep handles and addresses "
                    + "in long: on x64 they do not fit in an int.");
            o.free(a);
            o.free(b);
            t.expect(o.heapInfo(heap) == null && o.heap() == 0, o.heapInfo(heap) != null ? "on x64 the class heap "
                    + "survived the last delete" : "on x64 the class heap was destroyed, but heap() still returns "
                    + Win32Names.hex(o.heap())).hint(o.heapInfo(heap) != null ? "never-destroys" : "stale-handle",
                    o.heapInfo(heap) != null ? "HeapDestroy the class heap with its last object, on x64 as on x86."
                    : "After HeapDestroy set s_hHeap = NULL.");
            return t.result(15, "On x64 the class heap " + Win32Names.hex(heap) + " held both objects and went with "
                    + "the last delete.");
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

    private static String describe(HeapInfo h) {
        return String.format(Locale.ROOT, "%d free blocks, %s committed, fragmentation %.2f", h.freeBlocks(),
                Win32Names.bytes(h.committedBytes()), h.fragmentation());
    }
}
