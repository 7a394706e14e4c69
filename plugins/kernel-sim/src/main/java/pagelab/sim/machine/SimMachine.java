package pagelab.sim.machine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinProcess;
import pagelab.kernel.control.FaultInjection;
import pagelab.kernel.host.HostFiles;
import pagelab.kernel.inspect.MachineInspector;
import pagelab.kernel.inspect.ProcessEvent;
import pagelab.kernel.inspect.SourceLocation;
import pagelab.kernel.inspect.TraceEvent;
import pagelab.sim.control.SimFaultInjection;
import pagelab.sim.fs.SimFileSystem;
import pagelab.sim.image.ImageLoader;
import pagelab.sim.phys.PhysicalMemory;
import pagelab.sim.section.SectionManager;
import pagelab.sim.sync.KernelLock;
import pagelab.sim.thread.SimThread;
import pagelab.sim.trace.Callers;
import pagelab.sim.trace.Tracer;

/**
 * The reference simulator's machine: one lock for all kernel state (kernel calls are short; loads and stores
 * that hit the MMU's TLB take no lock), physical memory, the trace, and the processes.
 */
public final class SimMachine implements Machine {
    /** The built-in program every {@link #createProcess()} runs. */
    public static final String BLANK_EXE = "C:\\PageLab\\blank.exe";

    private final MachineConfig config;
    private final Facades facades;
    private final KernelLock lock = new KernelLock();
    private final PhysicalMemory phys;
    private final Tracer tracer;
    private final SimFaultInjection faults;
    private final MachineInspector inspector;
    private final List<SimProcess> processes = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger(0x0FFC);
    private final ProcessLoader loader;
    private final SimFileSystem files;
    private final SectionManager sections;
    private final ImageLoader images;

    public SimMachine(MachineConfig config, Facades facades) {
        this.config = config;
        this.facades = facades;
        this.phys = new PhysicalMemory(config.ramBytes(), config.pageFileBytes());
        this.tracer = new Tracer(config.traceCapacity());
        this.faults = new SimFaultInjection(lock, phys);
        this.inspector = facades.inspector(this);
        this.files = new SimFileSystem(lock, this::invalidateAllSpaces);
        this.sections = new SectionManager(lock, phys, this::invalidateAllSpaces);
        this.images = new ImageLoader(config, files, phys, this::invalidateAllSpaces);
        this.loader = new ProcessLoader(this);
        loader.installSystemImages();
    }

    @Override
    public MachineConfig config() {
        return config;
    }

    @Override
    public WinProcess createProcess() {
        return createProcess(BLANK_EXE);
    }

    @Override
    public WinProcess createProcess(String exePath) {
        return createProcess(exePath, null, false, null);
    }

    /**
     * Starts a process from an image; with a {@code parent} and {@code inheritHandles}, the parent's inheritable
     * handles are copied into the new process's table at the same values before anything runs in it (CreateProcess
     * with bInheritHandles). {@code commandLine} null: the image path.
     *
     * @throws IllegalArgumentException if there is no such image
     */
    public SimProcess createProcess(String exePath, SimProcess parent, boolean inheritHandles, String commandLine) {
        if (exePath == null || exePath.isBlank()) {
            throw new IllegalArgumentException("CreateProcess: no image path given");
        }
        SimProcess p;
        lock.lock();
        try {
            String path = images.resolve(exePath, false);
            if (path == null) {
                throw new IllegalArgumentException("CreateProcess(\"" + exePath + "\") failed: no such file "
                        + "(ERROR_FILE_NOT_FOUND); files: " + files.list());
            }
            p = new SimProcess(this, nextId(), path, facades);
            p.setCommandLine(commandLine != null ? commandLine : path);
            if (parent != null && inheritHandles) {
                parent.handles().inheritable().forEach(p.handles()::inherit);
            }
            processEvent(p, 0, "PROCESS_CREATED", p.imagePath()); // before its first thread, as Windows orders them
            try {
                loader.load(p);
            } catch (RuntimeException e) {
                p.terminate(0, "failed to start");
                throw e;
            }
        } finally {
            lock.unlock();
        }
        processes.add(p);
        return p;
    }

    @Override
    public List<WinProcess> processes() {
        return List.copyOf(processes);
    }

    public List<SimProcess> simProcesses() {
        return processes;
    }

    @Override
    public MachineInspector inspector() {
        return inspector;
    }

    @Override
    public HostFiles files() {
        return files;
    }

    public SimFileSystem fileSystem() {
        return files;
    }

    public ImageLoader images() {
        return images;
    }

    public SectionManager sections() {
        return sections;
    }

    @Override
    public FaultInjection faultInjection() {
        return faults;
    }

    public SimFaultInjection faults() {
        return faults;
    }

    @Override
    public void close() {
        for (SimProcess p : processes) {
            p.terminate(0, "the machine was shut down");
        }
    }

    // ---------------------------------------------------------------- kernel internals

    public KernelLock lock() {
        return lock;
    }

    public PhysicalMemory phys() {
        return phys;
    }

    public Tracer tracer() {
        return tracer;
    }

    public boolean tracing() {
        return config.traceCalls();
    }

    /**
     * Where in the program's Java source the current kernel call or fault comes from, if the trace will keep it;
     * null when tracing is off or the trace is full, so that the stack is walked only for events that are kept.
     */
    public SourceLocation traceLocation() {
        return tracing() && tracer.keeps() ? Callers.caller() : null;
    }

    /**
     * Records an event, built by {@code event} from its sequence number, if tracing is on and the trace keeps it;
     * counts it if the trace is full. {@code event} may take the machine lock (for a snapshot): it runs outside the
     * trace's own monitor.
     */
    public void trace(LongFunction<TraceEvent> event) {
        if (!tracing()) {
            return;
        }
        long sequence = tracer.reserve();
        if (sequence != 0) {
            tracer.fill(event.apply(sequence));
        }
    }

    /** Process and thread ids share one namespace and are multiples of 4, as on Windows. */
    public int nextId() {
        return nextId.addAndGet(4);
    }

    /** {@code lpMaximumApplicationAddress}: below the 64 KiB off-limits partition. */
    public long maxApplicationAddress() {
        if (config.is64Bit()) {
            return 0x00007FFFFFFEFFFFL;
        }
        return config.largeAddressAware() ? 0xBFFEFFFFL : 0x7FFEFFFFL;
    }

    /**
     * Creates a thread of {@code p} with its stack and TEB; null if there is no room or commit for them.
     * Caller holds the lock.
     */
    public SimThread newThread(SimProcess p, long reserve, long commit, boolean reservationGiven) {
        return loader.createThread(p, reserve, commit, reservationGiven);
    }

    /** A shared page appeared: no process may keep a cached translation of the page it replaces. */
    public void invalidateAllSpaces() {
        for (SimProcess p : processes) {
            p.space().invalidate();
        }
    }

    public long defaultStackReserve() {
        return faults.stackReserve();
    }

    public void processEvent(SimProcess p, int threadId, String kind, String detail) {
        trace(sequence -> new ProcessEvent(sequence, p.id(), threadId, kind, detail));
    }

    @Override
    public String toString() {
        return "SimMachine[" + config + "]";
    }
}
