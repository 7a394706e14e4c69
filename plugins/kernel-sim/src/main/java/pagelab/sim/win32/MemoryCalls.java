package pagelab.sim.win32;

import static pagelab.kernel.WinError.ERROR_INVALID_PARAMETER;
import static pagelab.kernel.WinError.ERROR_NOACCESS;
import static pagelab.kernel.format.Win32Format.allocationType;
import static pagelab.kernel.format.Win32Format.bool;
import static pagelab.kernel.format.Win32Format.freeType;
import static pagelab.kernel.format.Win32Format.hex;
import static pagelab.kernel.format.Win32Format.hexSize;
import static pagelab.kernel.format.Win32Format.protection;

import pagelab.kernel.IntByReference;
import pagelab.kernel.LongByReference;
import pagelab.kernel.MEMORYSTATUSEX;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.SYSTEM_INFO;
import pagelab.sim.machine.SimProcess;
import pagelab.sim.sync.KernelLock;
import pagelab.sim.thread.SimThread;

/**
 * Chapters 14 and 15: GetSystemInfo, GlobalMemoryStatusEx, VirtualQuery, VirtualAlloc, VirtualFree, VirtualProtect,
 * each a few lines over the process's VirtualMemory (Wine's NtAllocateVirtualMemory and friends).
 */
final class MemoryCalls {
    private final Calls calls;
    private final SimProcess p;
    private final KernelLock lock;
    private final SystemCalls system;

    MemoryCalls(Calls calls) {
        this.calls = calls;
        this.p = calls.p;
        this.lock = calls.lock;
        this.system = new SystemCalls(calls.p);
    }

    void getSystemInfo(SYSTEM_INFO info) {
        SimThread t = calls.begin();
        if (info != null) {
            system.fill(info);
        }
        if (calls.tracing()) {
            calls.trace(t, "GetSystemInfo", 0, "", false, info == null ? "NULL" : "&si");
        }
    }

    boolean globalMemoryStatusEx(MEMORYSTATUSEX buffer) {
        SimThread t = calls.begin();
        int err = buffer == null ? ERROR_NOACCESS
                : buffer.dwLength != MEMORYSTATUSEX.SIZE ? ERROR_INVALID_PARAMETER : 0;
        if (err == 0) {
            lock.lock();
            try {
                system.fill(buffer);
            } finally {
                lock.unlock();
            }
        }
        Calls.finish(t, err);
        if (calls.tracing()) {
            calls.trace(t, "GlobalMemoryStatusEx", err, bool(err == 0), false, buffer == null ? "NULL" : "&ms");
        }
        return err == 0;
    }

    long virtualQuery(long lpAddress, MEMORY_BASIC_INFORMATION lpBuffer) {
        SimThread t = calls.begin();
        int err = calls.run("VirtualQuery", () -> p.vm().query(lpAddress, lpBuffer));
        long result = err == 0 ? system.mbiSize() : 0;
        Calls.finish(t, err);
        if (calls.tracing()) {
            calls.trace(t, "VirtualQuery", err, hexSize(result), false, hex(lpAddress),
                    lpBuffer == null ? "NULL" : "&mbi");
        }
        return result;
    }

    long virtualAlloc(long lpAddress, long dwSize, int flAllocationType, int flProtect) {
        SimThread t = calls.begin();
        LongByReference out = new LongByReference();
        int err = calls.run("VirtualAlloc", () -> p.vm().allocate(lpAddress, dwSize, flAllocationType, flProtect, out));
        long result = err == 0 ? out.getValue() : 0;
        Calls.finish(t, err);
        if (calls.tracing()) {
            calls.trace(t, "VirtualAlloc", err, hex(result), true, hex(lpAddress), hexSize(dwSize),
                    allocationType(flAllocationType), protection(flProtect));
        }
        return result;
    }

    boolean virtualFree(long lpAddress, long dwSize, int dwFreeType) {
        SimThread t = calls.begin();
        int err = calls.run("VirtualFree", () -> p.vm().free(lpAddress, dwSize, dwFreeType));
        Calls.finish(t, err);
        if (calls.tracing()) {
            calls.trace(t, "VirtualFree", err, bool(err == 0), true, hex(lpAddress), hexSize(dwSize),
                    freeType(dwFreeType));
        }
        return err == 0;
    }

    boolean virtualProtect(long lpAddress, long dwSize, int flNewProtect, IntByReference lpflOldProtect) {
        SimThread t = calls.begin();
        LongByReference old = new LongByReference();
        int err = calls.run("VirtualProtect",
                () -> p.vm().protect(lpAddress, dwSize, flNewProtect, lpflOldProtect != null, old));
        if (err == 0) {
            lpflOldProtect.setValue((int) old.getValue());
        }
        Calls.finish(t, err);
        if (calls.tracing()) {
            calls.trace(t, "VirtualProtect", err, bool(err == 0), true, hex(lpAddress), hexSize(dwSize),
                    protection(flNewProtect),
                    lpflOldProtect == null ? "NULL" : err == 0 ? "&old=" + protection((int) old.getValue()) : "&old");
        }
        return err == 0;
    }
}
