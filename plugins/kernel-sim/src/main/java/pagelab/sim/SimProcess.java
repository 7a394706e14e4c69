package pagelab.sim;

import static pagelab.kernel.WinNT.MEM_COMMIT;
import static pagelab.kernel.WinNT.MEM_FREE;
import static pagelab.kernel.WinNT.MEM_RESERVE;
import static pagelab.kernel.WinNT.PAGE_READWRITE;
import static pagelab.sim.vm.AddressSpace.PAGE_SIZE;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.Kernel32;
import pagelab.kernel.LongByReference;
import pagelab.kernel.Machine;
import pagelab.kernel.Memory;
import pagelab.kernel.ProcessTerminatedException;
import pagelab.kernel.Seh;
import pagelab.kernel.ThreadContext;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinNT;
import pagelab.kernel.WinProcess;
import pagelab.kernel.inspect.FaultEvent;
import pagelab.kernel.inspect.PageInfo;
import pagelab.kernel.inspect.ProcessEvent;
import pagelab.kernel.inspect.ProcessInspector;
import pagelab.sim.heap.HeapManager;
import pagelab.sim.sync.KernelLock;
import pagelab.sim.heap.SimHeaps;
import pagelab.sim.inspect.SimProcessInspector;
import pagelab.sim.mmu.Mmu;
import pagelab.sim.mmu.SimMemory;
import pagelab.sim.seh.ExceptionDispatcher;
import pagelab.sim.seh.SimSeh;
import pagelab.sim.thread.HandleTable;
import pagelab.sim.thread.SimThread;
import pagelab.sim.trace.Callers;
import pagelab.sim.image.Module;
import pagelab.sim.section.Section;
import pagelab.sim.vm.AddressSpace;
import pagelab.sim.vm.MappedBacking;
import pagelab.sim.vm.PrivateBacking;
import pagelab.sim.vm.Protection;
import pagelab.sim.vm.View;
import pagelab.sim.vm.VirtualMemory;
import pagelab.sim.win32.Kernel32Impl;

/**
 * A simulated process: an address space with its views, threads, handles, and the Win32 facade over them.
 * A Java thread that calls into the process becomes one of its threads on first use (the first one is the main
 * thread, whose stack the loader made).
 */
public final class SimProcess implements WinProcess {
    private final SimMachine machine;
    private final int id;
    private final String imagePath;
    private final KernelLock lock;
    private final AddressSpace space;
    private final VirtualMemory vm;
    private final Mmu mmu;
    private final SimMemory memory;
    private final SimSeh seh;
    private final Kernel32Impl kernel32;
    private final ProcessStats stats = new ProcessStats();
    private final HandleTable handles = new HandleTable();
    private final List<SimThread> threads = new CopyOnWriteArrayList<>();
    private final ThreadLocal<SimThread> current = new ThreadLocal<>();
    private final SimProcessInspector inspector;
    private final HeapManager heaps;
    private volatile boolean alive = true;
    private volatile int exitCode = WinNT.STILL_ACTIVE;
    private volatile String exitReason = "";
    private SimThread mainThread;
    private boolean mainThreadBound;
    private long codeAddress;
    private long exeBase;
    private long lowPlacement = 0x10000;
    private final List<Module> modules = new ArrayList<>();

    SimProcess(SimMachine machine, int id, String imagePath) {
        this.machine = machine;
        this.id = id;
        this.imagePath = imagePath;
        this.lock = machine.lock();
        this.space = new AddressSpace(0x10000, machine.maxApplicationAddress());
        this.vm = new VirtualMemory(space, machine.phys());
        this.mmu = new Mmu(this, space, lock);
        this.memory = new SimMemory(mmu, space);
        this.seh = new SimSeh(this);
        this.heaps = new SimHeaps(this); // before Kernel32Impl, whose heap calls keep a reference to it
        this.kernel32 = new Kernel32Impl(this);
        this.inspector = new SimProcessInspector(this);
    }

    // ---------------------------------------------------------------- WinProcess

    @Override
    public int id() {
        return id;
    }

    @Override
    public String imagePath() {
        return imagePath;
    }

    @Override
    public boolean isAlive() {
        return alive;
    }

    @Override
    public int exitCode() {
        return exitCode;
    }

    public String exitReason() {
        return exitReason;
    }

    @Override
    public void terminate(int code) {
        terminate(code, "terminated with exit code " + code);
    }

    @Override
    public Kernel32 kernel32() {
        return kernel32;
    }

    @Override
    public Memory memory() {
        return memory;
    }

    @Override
    public Seh seh() {
        return seh;
    }

    @Override
    public ThreadContext currentThread() {
        return enter();
    }

    @Override
    public ProcessInspector inspector() {
        return inspector;
    }

    @Override
    public Machine machine() {
        return machine;
    }

    public SimMachine simMachine() {
        return machine;
    }

    // ---------------------------------------------------------------- kernel internals

    public KernelLock lock() {
        return lock;
    }

    public AddressSpace space() {
        return space;
    }

    public VirtualMemory vm() {
        return vm;
    }

    public SimMemory simMemory() {
        return memory;
    }

    public ProcessStats counters() {
        return stats;
    }

    public HandleTable handles() {
        return handles;
    }

    public List<SimThread> threads() {
        return threads;
    }

    /** Throws if the process has ended: nothing of a dead process runs. */
    public void checkAlive() {
        if (!alive) {
            throw new ProcessTerminatedException(exitCode, "process " + id + " has ended: " + exitReason);
        }
    }

    /** A Java thread and the simulated thread it acts as; immutable, so one plain read sees both. */
    private record Binding(Thread java, SimThread sim) {
    }

    /** The binding of the Java thread that entered last: the common single-threaded case skips the ThreadLocal. */
    private Binding lastBinding;

    /** The calling Java thread's simulated thread, attaching it on first use. */
    public SimThread enter() {
        checkAlive();
        Binding last = lastBinding;
        if (last != null && last.java == Thread.currentThread()) {
            return last.sim; // the thread that called last, most often the only one: no ThreadLocal lookup
        }
        SimThread t = current.get();
        if (t != null) {
            lastBinding = new Binding(Thread.currentThread(), t);
            return t;
        }
        lock.lock();
        try {
            if (!mainThreadBound && mainThread != null) {
                mainThreadBound = true;
                t = mainThread;
            } else {
                t = machine.newThread(this, 0, 0, false);
                if (t == null) {
                    throw new ProcessTerminatedException(exitCode, "process " + id + " has no room for another thread's stack");
                }
            }
            t.bind(Thread.currentThread());
        } finally {
            lock.unlock();
        }
        current.set(t);
        lastBinding = new Binding(Thread.currentThread(), t);
        return t;
    }

    /** Makes the calling Java thread act as {@code thread} (a thread started by CreateThread). */
    public void bindCurrent(SimThread thread) {
        thread.bind(Thread.currentThread());
        current.set(thread);
        lastBinding = new Binding(Thread.currentThread(), thread);
    }

    void setMainThread(SimThread t) {
        this.mainThread = t;
    }

    /** Kernel calls made by all of the process's threads, alive or ended. */
    public long kernelCalls() {
        long total = 0;
        for (SimThread t : threads) {
            total += t.kernelCalls();
        }
        return total;
    }

    public void addThread(SimThread t) {
        threads.add(t);
    }

    /**
     * Raises an exception on the calling thread: its filters run; returns if one continued execution, throws
     * the unwind if one handles it, and ends the process if none does.
     */
    public void raise(EXCEPTION_RECORD record, PageInfo before) {
        SimThread thread = enter();
        boolean tracing = machine.tracing();
        var caller = tracing ? Callers.caller() : null;
        EXCEPTION_RECORD unhandled = ExceptionDispatcher.dispatch(thread.seh(), record, (r, filters, disposition) -> {
            if (tracing) {
                machine.tracer().add(new FaultEvent(machine.tracer().nextSequence(), id, thread.threadId(), r, before,
                        filters, disposition, caller));
            }
        });
        if (unhandled != null) {
            String reason = String.format("unhandled exception 0x%08X (%s)", unhandled.ExceptionCode,
                    describe(unhandled));
            terminate(unhandled.ExceptionCode, reason);
            throw new UnhandledSehException(unhandled, "process " + id + ": " + reason);
        }
    }

    /** A filter kept answering EXCEPTION_CONTINUE_EXECUTION without curing the fault: end the process. */
    public void refaultLimit(EXCEPTION_RECORD record, int times) {
        String reason = String.format("the same fault (%s) was continued %d times without being cured: a filter "
                + "returned EXCEPTION_CONTINUE_EXECUTION but did not fix the page", describe(record), times);
        if (machine.tracing()) {
            machine.tracer().add(new FaultEvent(machine.tracer().nextSequence(), id, enter().threadId(), record,
                    null, List.of(), "REFAULT_LIMIT", Callers.caller()));
        }
        terminate(record.ExceptionCode, reason);
        throw new UnhandledSehException(record, "process " + id + ": " + reason);
    }

    private static String describe(EXCEPTION_RECORD r) {
        if (r.ExceptionCode == WinNT.EXCEPTION_ACCESS_VIOLATION && r.NumberParameters >= 2) {
            String what = r.ExceptionInformation[0] == 1 ? "write to" : r.ExceptionInformation[0] == 8
                    ? "execute at" : "read from";
            return String.format("access violation: %s 0x%08X", what, r.ExceptionInformation[1]);
        }
        if (r.ExceptionCode == WinNT.STATUS_GUARD_PAGE_VIOLATION) {
            return String.format("guard page violation at 0x%08X", r.ExceptionInformation[1]);
        }
        if (r.ExceptionCode == WinNT.EXCEPTION_STACK_OVERFLOW) {
            return "stack overflow";
        }
        return "exception record " + r;
    }

    /** HeapSetInformation(HeapEnableTerminationOnCorruption) was called: it cannot be undone. */
    private volatile boolean terminateOnHeapCorruption;

    public void enableTerminationOnHeapCorruption() {
        terminateOnHeapCorruption = true;
    }

    /** Whether a heap corruption the heap manager finds ends the process (HeapEnableTerminationOnCorruption). */
    public boolean terminatesOnHeapCorruption() {
        return terminateOnHeapCorruption;
    }

    /** Ends the process: its views are released, its handles closed, its threads stop at their next kernel use. */
    public void terminate(int code, String reason) {
        List<View> all = new ArrayList<>();
        lock.lock();
        try {
            if (!alive) {
                return;
            }
            exitCode = code;
            exitReason = reason;
            alive = false;
            for (View v : space.views()) {
                all.add(v);
            }
            for (View v : all) {
                releaseView(v);
            }
            for (SimThread t : threads) {
                if (t.isAlive()) {
                    t.exit(code);
                }
            }
        } finally {
            lock.unlock();
        }
        handles.closeAll();
        machine.processEvent(this, 0, "PROCESS_EXITED", String.format("exit code 0x%X: %s", code, reason));
        for (SimThread t : threads) {
            Thread j = t.javaThread();
            if (j != null && j != Thread.currentThread()) {
                j.interrupt();
            }
        }
    }

    /** Releases any view (private, mapped or image), returning its commit charge. Caller holds the lock. */
    public void releaseView(View v) {
        if (v.isPrivate()) {
            vm.release(v);
            return;
        }
        v.backing().discard(0, v.pages());
        space.remove(v);
        if (v.backing() instanceof MappedBacking mb && mb.owner() instanceof Section) {
            machine.sections().viewReleased(v);
        }
        if (v.type() == WinNT.MEM_IMAGE) {
            Module m = moduleAt(v.base());
            modules.remove(m);
            machine.images().viewReleased(m);
        }
    }

    // ---------------------------------------------------------------- stacks

    /**
     * Commits one stack page (with or without PAGE_GUARD), charging commit if it was not committed.
     * Caller holds the lock. False if the commit limit is reached.
     */
    public boolean commitStackPage(View stack, long page, boolean guard) {
        if (!Protection.isCommitted(stack.vprot(page))) {
            if (!machine.phys().charge(1)) {
                return false;
            }
            vm.addPrivateCommit(1);
        }
        stack.setVprot(page, Protection.COMMITTED | Protection.READWRITE | (guard ? Protection.GUARD : 0));
        space.invalidate();
        return true;
    }

    // ---------------------------------------------------------------- inspection helpers

    /** The page holding {@code address} as the inspector shows it. Caller holds the lock. */
    public PageInfo pageInfo(View view, long page) {
        int v = view.vprot(page);
        long address = view.base() + page * PAGE_SIZE;
        return new PageInfo(address, view.base(), Protection.isCommitted(v) ? MEM_COMMIT : MEM_RESERVE,
                Protection.toWin32(v), view.type(), Protection.isGuard(v), Protection.isCopyOnWrite(v),
                view.backing().isShared(page), view.backing().isResident(page), view.backing().isDirty(page));
    }

    public PageInfo freePageInfo(long address) {
        return new PageInfo(address & ~(long) (PAGE_SIZE - 1), 0, MEM_FREE, 0, 0, false, false, false, false, false);
    }

    // ---------------------------------------------------------------- loader results

    public long codeAddress() {
        return codeAddress;
    }

    public long exeBase() {
        return exeBase;
    }

    void setImageInfo(long exeBase, long codeAddress) {
        this.exeBase = exeBase;
        this.codeAddress = codeAddress;
    }

    public HeapManager heaps() {
        return heaps;
    }

    /**
     * Reserves 1 MiB for the default heap and commits its first 16 KiB (the heap manager formats it).
     * Caller holds the lock. Returns the region's base, 0 if there is no room.
     */
    public long reserveDefaultHeapRegion() {
        long base = space.findFree(0x100000, AddressSpace.GRANULARITY, false, lowPlacement, space.maxAddress());
        View v = base < 0 ? null : mapPrivate(base, 0x100000, 0, PAGE_READWRITE, "Heap (default)");
        if (v == null) {
            return 0;
        }
        vm.allocate(base, 0x4000, WinNT.MEM_COMMIT, PAGE_READWRITE, new LongByReference());
        return base;
    }

    void setLowPlacement(long address) {
        this.lowPlacement = address;
    }

    /** The images loaded in this process, exe first. Caller holds the lock. */
    public List<Module> modules() {
        return modules;
    }

    /** The module of a name (case-insensitive, with or without ".dll", with or without a path), or null. */
    public Module module(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT).replace('/', '\\');
        n = n.substring(n.lastIndexOf('\\') + 1);
        for (Module m : modules) {
            String mn = m.name().toLowerCase(java.util.Locale.ROOT);
            if (mn.equals(n) || mn.equals(n + ".dll")) {
                return m;
            }
        }
        return null;
    }

    /** The module whose image is mapped at {@code base}, or null. */
    public Module moduleAt(long base) {
        for (Module m : modules) {
            if (m.base() == base) {
                return m;
            }
        }
        return null;
    }

    /** Maps a loader-made private allocation (stack, heap, PEB...). Caller holds the lock. */
    View mapPrivate(long base, long size, long committedTop, int protect, String detail) {
        View v = new View(base, size, WinNT.MEM_PRIVATE, protect, new PrivateBacking(machine.phys(), size / PAGE_SIZE),
                detail);
        long pages = committedTop / PAGE_SIZE;
        if (pages > 0) {
            if (!machine.phys().charge(pages)) {
                return null;
            }
            vm.addPrivateCommit(pages);
            v.fillVprot(v.pages() - pages, pages, Protection.COMMITTED | Protection.fromWin32(protect));
        }
        space.insert(v);
        return v;
    }

    @Override
    public String toString() {
        return "SimProcess[" + id + " " + imagePath + (alive ? "" : " exited " + exitCode) + "]";
    }
}
