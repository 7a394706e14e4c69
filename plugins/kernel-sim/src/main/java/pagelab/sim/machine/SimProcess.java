package pagelab.sim.machine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Machine;
import pagelab.kernel.Memory;
import pagelab.kernel.ProcessTerminatedException;
import pagelab.kernel.Seh;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinNT;
import pagelab.kernel.WinProcess;
import pagelab.kernel.inspect.FaultEvent;
import pagelab.kernel.inspect.PageInfo;
import pagelab.kernel.inspect.ProcessInspector;
import pagelab.kernel.inspect.SourceLocation;
import pagelab.sim.heap.HeapManager;
import pagelab.sim.heap.HeapProcess;
import pagelab.sim.heap.SimHeaps;
import pagelab.sim.image.Modules;
import pagelab.sim.mmu.FaultCounters;
import pagelab.sim.mmu.FaultSink;
import pagelab.sim.mmu.KernelAccess;
import pagelab.sim.mmu.Mmu;
import pagelab.sim.mmu.SimMemory;
import pagelab.sim.section.Section;
import pagelab.sim.seh.ExceptionDispatcher;
import pagelab.sim.sync.KernelLock;
import pagelab.sim.thread.HandleTable;
import pagelab.sim.thread.SimThread;
import pagelab.sim.thread.ThreadObject;
import pagelab.sim.vm.AddressSpace;
import pagelab.sim.vm.MappedBacking;
import pagelab.sim.vm.View;
import pagelab.sim.vm.VirtualMemory;

/**
 * A simulated process: an address space with its views, threads, handles, heaps and images. A Java thread that
 * calls into the process becomes one of its threads on first use (the first one is the main thread, whose stack
 * the loader made). The Win32 face of the process ({@code kernel32()}, {@code seh()}, {@code inspector()}) is made by
 * the layers above this one (see {@link Facades}); the MMU and the heap manager see it through the narrow
 * interfaces {@link FaultSink} and {@link HeapProcess}.
 */
public final class SimProcess implements WinProcess, FaultSink, HeapProcess {
    private final SimMachine machine;
    private final int id;
    private final String imagePath;
    private final KernelLock lock;
    private final AddressSpace space;
    private final VirtualMemory vm;
    private final FaultCounters counters = new FaultCounters();
    private final SimMemory memory;
    private final KernelAccess kernelAccess;
    private final HandleTable handles = new HandleTable();
    private final ProcessObject processObject = new ProcessObject(this);
    /** The command line GetCommandLine returns: CreateProcess's, or the image path. */
    private volatile String commandLine;
    /** The object behind the thread handle CreateProcess returns for the main thread; made on demand. */
    private ThreadObject mainThreadObject;
    private final List<SimThread> threads = new CopyOnWriteArrayList<>();
    private final ThreadLocal<SimThread> current = new ThreadLocal<>();
    private final Modules modules;
    private final HeapManager heaps;
    private final Kernel32 kernel32;
    private final Seh seh;
    private final ProcessInspector inspector;
    private volatile boolean alive = true;
    private volatile int exitCode = WinNT.STILL_ACTIVE;
    private volatile String exitReason = "";
    /** HeapSetInformation(HeapEnableTerminationOnCorruption) was called: it cannot be undone. */
    private volatile boolean terminateOnHeapCorruption;
    private SimThread mainThread;
    private boolean mainThreadBound;
    private long codeAddress;
    private long exeBase;

    SimProcess(SimMachine machine, int id, String imagePath, Facades facades) {
        this.machine = machine;
        this.id = id;
        this.imagePath = imagePath;
        this.lock = machine.lock();
        this.space = new AddressSpace(0x10000, machine.maxApplicationAddress());
        this.vm = new VirtualMemory(space, machine.phys());
        Mmu mmu = new Mmu(this, vm, lock, counters, machine.phys().zeroFrame(), machine.config().maxRefaults());
        this.memory = new SimMemory(mmu, space);
        this.kernelAccess = new KernelAccess(memory, space);
        this.modules = new Modules(space);
        this.heaps = new SimHeaps(this);
        this.kernel32 = facades.kernel32(this);
        this.seh = facades.seh(this);
        this.inspector = facades.inspector(this);
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
    public SimThread currentThread() {
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

    @Override
    public KernelLock lock() {
        return lock;
    }

    public AddressSpace space() {
        return space;
    }

    @Override
    public VirtualMemory vm() {
        return vm;
    }

    public SimMemory simMemory() {
        return memory;
    }

    @Override
    public KernelAccess kernelAccess() {
        return kernelAccess;
    }

    @Override
    public boolean is64Bit() {
        return machine.config().is64Bit();
    }

    public FaultCounters counters() {
        return counters;
    }

    public HandleTable handles() {
        return handles;
    }

    /** The kernel object process handles refer to. */
    public ProcessObject processObject() {
        return processObject;
    }

    public String commandLine() {
        return commandLine;
    }

    void setCommandLine(String commandLine) {
        this.commandLine = commandLine;
    }

    /** The main thread's kernel object (for CreateProcess's hThread), signalled when the process ends; or null. */
    public ThreadObject mainThreadObject() {
        lock.lock();
        try {
            if (mainThreadObject == null && mainThread != null) {
                mainThreadObject = new ThreadObject(mainThread);
                mainThreadObject.retain(); // the process's own reference, as for processObject
                if (!alive) {
                    mainThreadObject.signal();
                }
            }
            return mainThreadObject;
        } finally {
            lock.unlock();
        }
    }

    public List<SimThread> threads() {
        return threads;
    }

    public HeapManager heaps() {
        return heaps;
    }

    /** The images loaded in this process, exe first. */
    public Modules modules() {
        return modules;
    }

    @Override
    public void checkAlive() {
        if (!alive) {
            throw new ProcessTerminatedException(exitCode, "process " + id + " has ended: " + exitReason);
        }
    }

    // ---------------------------------------------------------------- threads

    /** A Java thread and the simulated thread it acts as; immutable, so one plain read sees both. */
    private record Binding(Thread java, SimThread sim) {
    }

    /** The binding of the Java thread that entered last: in the common single-threaded case, no ThreadLocal lookup. */
    private Binding lastBinding;

    /** The calling Java thread's simulated thread, attaching it on first use. */
    public SimThread enter() {
        checkAlive();
        Binding last = lastBinding;
        if (last != null && last.java == Thread.currentThread()) {
            return last.sim;
        }
        SimThread t = current.get();
        if (t == null) {
            t = attach();
            current.set(t);
        }
        lastBinding = new Binding(Thread.currentThread(), t);
        return t;
    }

    /** Makes the calling Java thread a thread of this process: the main thread first, then new ones. */
    private SimThread attach() {
        lock.lock();
        try {
            SimThread t;
            if (!mainThreadBound && mainThread != null) {
                mainThreadBound = true;
                t = mainThread;
            } else {
                t = machine.newThread(this, 0, 0, false);
                if (t == null) {
                    throw new ProcessTerminatedException(exitCode, "process " + id
                            + " has no room for another thread's stack");
                }
            }
            t.bind(Thread.currentThread());
            return t;
        } finally {
            lock.unlock();
        }
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

    // ---------------------------------------------------------------- exceptions

    @Override
    public void raise(EXCEPTION_RECORD record, PageInfo before) {
        SimThread thread = enter();
        SourceLocation caller = machine.traceLocation(); // before the filters run: they may call the kernel
        EXCEPTION_RECORD unhandled = ExceptionDispatcher.dispatch(thread.seh(), record, (r, filters, disposition) ->
                machine.trace(seq -> new FaultEvent(seq, id, thread.threadId(), r, before, filters, disposition,
                        caller == null ? SourceLocation.UNKNOWN : caller)));
        if (unhandled != null) {
            String reason = String.format("unhandled exception 0x%08X (%s)", unhandled.ExceptionCode,
                    describe(unhandled));
            terminate(unhandled.ExceptionCode, reason);
            throw new UnhandledSehException(unhandled, "process " + id + ": " + reason);
        }
    }

    @Override
    public void refaultLimit(EXCEPTION_RECORD record, int times) {
        String reason = String.format("the same fault (%s) was continued %d times without being cured: a filter "
                + "returned EXCEPTION_CONTINUE_EXECUTION but did not fix the page", describe(record), times);
        SourceLocation caller = machine.traceLocation();
        int thread = enter().threadId();
        machine.trace(seq -> new FaultEvent(seq, id, thread, record, null, List.of(), "REFAULT_LIMIT",
                caller == null ? SourceLocation.UNKNOWN : caller));
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

    @Override
    public long codeAddress() {
        return codeAddress;
    }

    public void enableTerminationOnHeapCorruption() {
        terminateOnHeapCorruption = true;
    }

    @Override
    public boolean terminatesOnHeapCorruption() {
        return terminateOnHeapCorruption;
    }

    // ---------------------------------------------------------------- the end of a process

    /** Ends the process: its views are released, its handles closed, its threads stop at their next kernel use. */
    @Override
    public void terminate(int code, String reason) {
        lock.lock();
        try {
            if (!alive) {
                return;
            }
            exitCode = code;
            exitReason = reason;
            alive = false;
            List<View> all = new ArrayList<>();
            space.views().forEach(all::add);
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
        processObject.signal();
        lock.lock();
        try {
            if (mainThreadObject != null) {
                mainThreadObject.signal();
            }
        } finally {
            lock.unlock();
        }
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
        } else if (v.backing() instanceof MappedBacking mb && mb.owner() instanceof Section) {
            machine.sections().release(space, v); // a data view, or a view of a SEC_IMAGE section
        } else if (v.type() == WinNT.MEM_IMAGE) {
            machine.images().unmap(modules, v);
        } else if (v.backing() instanceof MappedBacking) {
            machine.sections().release(space, v);
        } else {
            throw new IllegalStateException("SimProcess.releaseView: " + v + " is of no known kind");
        }
    }

    // ---------------------------------------------------------------- what the loader sets up

    public long exeBase() {
        return exeBase;
    }

    void setImageInfo(long exeBase, long codeAddress) {
        this.exeBase = exeBase;
        this.codeAddress = codeAddress;
    }

    @Override
    public String toString() {
        return "SimProcess[" + id + " " + imagePath + (alive ? "" : " exited " + exitCode) + "]";
    }
}
