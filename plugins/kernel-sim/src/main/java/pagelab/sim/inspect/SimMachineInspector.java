package pagelab.sim.inspect;

import java.util.ArrayList;
import java.util.List;
import pagelab.kernel.inspect.MachineCounters;
import pagelab.kernel.inspect.MachineInspector;
import pagelab.kernel.inspect.ProcessInspector;
import pagelab.kernel.inspect.TraceEvent;
import pagelab.sim.machine.SimMachine;
import pagelab.sim.machine.SimProcess;
import pagelab.sim.phys.PhysicalMemory;

/** Read-only views of a whole simulated machine. */
public final class SimMachineInspector implements MachineInspector {
    private final SimMachine machine;

    public SimMachineInspector(SimMachine machine) {
        this.machine = machine;
    }

    @Override
    public MachineCounters counters() {
        machine.lock().lock();
        try {
            PhysicalMemory p = machine.phys();
            long page = PhysicalMemory.PAGE_SIZE;
            return new MachineCounters(p.commitPages() * page, p.commitLimitPages() * page, p.peakCommitPages() * page,
                    p.ramPages() * page, p.framesInUse() * page, p.pageFileInUse() * page, p.pageFileReads(),
                    p.pageFileWrites());
        } finally {
            machine.lock().unlock();
        }
    }

    @Override
    public List<ProcessInspector> processes() {
        List<ProcessInspector> out = new ArrayList<>();
        for (SimProcess p : machine.simProcesses()) {
            out.add(p.inspector());
        }
        return out;
    }

    @Override
    public List<TraceEvent> trace() {
        return machine.tracer().all();
    }

    @Override
    public List<TraceEvent> traceSince(long sequence) {
        return machine.tracer().since(sequence);
    }

    @Override
    public long traceDropped() {
        return machine.tracer().dropped();
    }

    @Override
    public long lastSequence() {
        return machine.tracer().lastSequence();
    }
}
