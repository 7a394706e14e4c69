package pagelab.sim.inspect;

import java.util.ArrayList;
import java.util.List;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.HandleInfo;
import pagelab.kernel.inspect.HeapInfo;
import pagelab.kernel.inspect.PageInfo;
import pagelab.kernel.inspect.ProcessCounters;
import pagelab.kernel.inspect.ProcessInspector;
import pagelab.kernel.inspect.ThreadInfo;
import pagelab.kernel.inspect.TraceEvent;
import pagelab.sim.machine.SimProcess;
import pagelab.sim.thread.SimThread;
import pagelab.sim.vm.AddressSpace;
import pagelab.sim.vm.View;

/** Read-only views of one simulated process; every answer is an immutable value taken under the machine lock. */
public final class SimProcessInspector implements ProcessInspector {
    private final SimProcess process;

    public SimProcessInspector(SimProcess process) {
        this.process = process;
    }

    @Override
    public int processId() {
        return process.id();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public AddressSpaceSnapshot snapshot() {
        process.lock().lock();
        try {
            return process.space().snapshot(process.simMachine().tracer().lastSequence());
        } finally {
            process.lock().unlock();
        }
    }

    @Override
    public PageInfo page(long address) {
        process.lock().lock();
        try {
            return process.space().pageInfo(address);
        } finally {
            process.lock().unlock();
        }
    }

    @Override
    public ProcessCounters counters() {
        process.lock().lock();
        try {
            long resident = 0;
            for (View v : process.space().views()) {
                resident += v.backing().residentPages();
            }
            process.counters().workingSet(resident);
            var s = process.counters();
            return new ProcessCounters(process.vm().privateCommittedPages() * AddressSpace.PAGE_SIZE,
                    resident * AddressSpace.PAGE_SIZE, s.peakWorkingSetPages() * AddressSpace.PAGE_SIZE,
                    s.pageFaults(), s.hardFaults(), s.accessViolations(), s.guardPageFaults(), process.kernelCalls());
        } finally {
            process.lock().unlock();
        }
    }

    @Override
    public List<ThreadInfo> threads() {
        List<ThreadInfo> out = new ArrayList<>();
        for (SimThread t : process.threads()) {
            out.add(new ThreadInfo(t.threadId(), t.isAlive(), t.exitCode(), t.stackBase(), t.stackLimit(),
                    t.deallocationStack(), t.getStackPointer()));
        }
        return out;
    }

    @Override
    public List<HandleInfo> handles() {
        List<HandleInfo> out = new ArrayList<>();
        process.handles().snapshot().forEach((h, e) -> out.add(new HandleInfo(h, e.object().typeName(), e.access(),
                e.flags(), e.object().serial())));
        return List.copyOf(out);
    }

    @Override
    public List<HeapInfo> heaps() {
        return process.heaps().heapInfos();
    }

    @Override
    public List<TraceEvent> trace() {
        return process.simMachine().tracer().ofProcess(process.id());
    }
}
