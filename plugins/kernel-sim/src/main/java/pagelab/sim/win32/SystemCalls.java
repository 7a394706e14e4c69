package pagelab.sim.win32;

import static pagelab.kernel.WinNT.PROCESSOR_AMD_X8664;
import static pagelab.kernel.WinNT.PROCESSOR_ARCHITECTURE_AMD64;
import static pagelab.kernel.WinNT.PROCESSOR_ARCHITECTURE_INTEL;
import static pagelab.kernel.WinNT.PROCESSOR_INTEL_PENTIUM;

import pagelab.kernel.MEMORYSTATUSEX;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.SYSTEM_INFO;
import pagelab.sim.machine.SimProcess;
import pagelab.sim.phys.PhysicalMemory;
import pagelab.sim.vm.AddressSpace;
import pagelab.sim.vm.View;

/** GetSystemInfo and GlobalMemoryStatusEx: what chapter 14's SysInfo and VMStat samples show. */
final class SystemCalls {
    private final SimProcess process;

    SystemCalls(SimProcess process) {
        this.process = process;
    }

    /** sizeof(MEMORY_BASIC_INFORMATION): 28 bytes on x86, 48 on x64 (with alignment padding). */
    long mbiSize() {
        return process.simMachine().config().is64Bit() ? 48 : 28;
    }

    void fill(SYSTEM_INFO si) {
        MachineConfig c = process.simMachine().config();
        boolean x64 = c.is64Bit();
        si.wProcessorArchitecture = x64 ? PROCESSOR_ARCHITECTURE_AMD64 : PROCESSOR_ARCHITECTURE_INTEL;
        si.wReserved = 0;
        si.dwPageSize = AddressSpace.PAGE_SIZE;
        si.lpMinimumApplicationAddress = process.space().minAddress();
        si.lpMaximumApplicationAddress = process.space().maxAddress();
        si.dwActiveProcessorMask = c.processors() == 64 ? -1L : (1L << c.processors()) - 1;
        si.dwNumberOfProcessors = c.processors();
        si.dwProcessorType = x64 ? PROCESSOR_AMD_X8664 : PROCESSOR_INTEL_PENTIUM;
        si.dwAllocationGranularity = (int) AddressSpace.GRANULARITY;
        si.wProcessorLevel = 6;
        si.wProcessorRevision = 0x3A09;
    }

    /** Caller holds the machine lock. */
    void fill(MEMORYSTATUSEX ms) {
        PhysicalMemory phys = process.simMachine().phys();
        long page = PhysicalMemory.PAGE_SIZE;
        long total = phys.ramPages() * page;
        long avail = phys.freeFrames() * page;
        ms.ullTotalPhys = total;
        ms.ullAvailPhys = avail;
        ms.dwMemoryLoad = total == 0 ? 0 : (int) ((total - avail) * 100 / total);
        // The "page file" figures are the commit limit and what is left of it, as Windows reports them.
        ms.ullTotalPageFile = phys.commitLimitPages() * page;
        ms.ullAvailPageFile = Math.max(0, phys.commitLimitPages() - phys.commitPages()) * page;
        AddressSpace space = process.space();
        long userBytes = space.maxAddress() + 1 - space.minAddress();
        long used = 0;
        for (View v : space.views()) {
            used += AddressSpace.alignUp(v.size(), AddressSpace.PAGE_SIZE);
        }
        ms.ullTotalVirtual = userBytes;
        ms.ullAvailVirtual = userBytes - used;
        ms.ullAvailExtendedVirtual = 0;
    }
}
