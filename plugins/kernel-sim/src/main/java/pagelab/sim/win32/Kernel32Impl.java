package pagelab.sim.win32;

import pagelab.sim.status.NtStatus;
import static pagelab.kernel.WinError.ERROR_INVALID_HANDLE;
import static pagelab.kernel.WinError.ERROR_INVALID_PARAMETER;
import static pagelab.kernel.WinError.ERROR_MOD_NOT_FOUND;
import static pagelab.kernel.WinError.ERROR_NOACCESS;
import static pagelab.kernel.WinError.ERROR_NOT_ENOUGH_MEMORY;
import static pagelab.kernel.WinError.ERROR_NOT_SUPPORTED;
import static pagelab.kernel.WinNT.CREATE_SUSPENDED;
import static pagelab.kernel.WinNT.EXCEPTION_MAXIMUM_PARAMETERS;
import static pagelab.kernel.WinNT.EXCEPTION_NONCONTINUABLE;
import static pagelab.kernel.WinNT.INFINITE;
import static pagelab.kernel.WinNT.STACK_SIZE_PARAM_IS_A_RESERVATION;
import static pagelab.kernel.WinNT.WAIT_FAILED;
import static pagelab.kernel.WinNT.WAIT_OBJECT_0;
import static pagelab.kernel.WinNT.WAIT_TIMEOUT;
import static pagelab.kernel.format.Win32Format.allocationType;
import static pagelab.kernel.format.Win32Format.bool;
import static pagelab.kernel.format.Win32Format.freeType;
import static pagelab.kernel.format.Win32Format.hex;
import static pagelab.kernel.format.Win32Format.protection;
import static pagelab.kernel.format.Win32Format.hexSize;

import pagelab.sim.sync.KernelLock;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;
import pagelab.kernel.LongByReference;
import pagelab.kernel.MEMORYSTATUSEX;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.PROCESS_HEAP_ENTRY;
import pagelab.kernel.SECURITY_ATTRIBUTES;
import pagelab.kernel.SYSTEM_INFO;
import pagelab.kernel.ThreadProc;
import pagelab.sim.machine.SimMachine;
import pagelab.sim.machine.SimProcess;
import pagelab.sim.image.Module;
import pagelab.sim.thread.KernelObject;
import pagelab.sim.thread.SimThread;
import pagelab.sim.thread.ThreadObject;

/**
 * The Win32 facade of one process (Wine's kernelbase over ntdll): each method converts its arguments, runs the
 * core operation under the machine lock (unless a checker's fault injection fails it first), turns the status
 * into last-error through {@link NtStatus}'s table, and records the call for the inspector.
 */
public final class Kernel32Impl implements Kernel32 {
    private final SimProcess p;
    private final SimMachine m;
    private final KernelLock lock;
    private final SystemCalls system;
    private final Calls calls;
    private final FileCalls files;
    private final MappingCalls mappings;
    private final HeapCalls heaps;

    public Kernel32Impl(SimProcess process) {
        this.p = process;
        this.m = process.simMachine();
        this.lock = process.lock();
        this.system = new SystemCalls(process);
        this.calls = new Calls(process);
        this.files = new FileCalls(calls);
        this.mappings = new MappingCalls(calls);
        this.heaps = new HeapCalls(calls);
    }

    // ---------------------------------------------------------------- chapter 14

    @Override
    public void GetSystemInfo(SYSTEM_INFO info) {
        SimThread t = calls.begin();
        if (info != null) {
            system.fill(info);
        }
        if (calls.tracing()) {
            calls.trace(t, "GetSystemInfo", 0, "", false, info == null ? "NULL" : "&si");
        }
    }

    @Override
    public boolean GlobalMemoryStatusEx(MEMORYSTATUSEX buffer) {
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

    @Override
    public long VirtualQuery(long lpAddress, MEMORY_BASIC_INFORMATION lpBuffer) {
        SimThread t = calls.begin();
        int err = calls.run("VirtualQuery", () -> p.vm().query(lpAddress, lpBuffer));
        long result = err == 0 ? system.mbiSize() : 0;
        Calls.finish(t, err);
        if (calls.tracing()) {
            calls.trace(t, "VirtualQuery", err, hexSize(result), false, hex(lpAddress), lpBuffer == null ? "NULL" : "&mbi");
        }
        return result;
    }

    // ---------------------------------------------------------------- chapter 15

    @Override
    public long VirtualAlloc(long lpAddress, long dwSize, int flAllocationType, int flProtect) {
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

    @Override
    public boolean VirtualFree(long lpAddress, long dwSize, int dwFreeType) {
        SimThread t = calls.begin();
        int err = calls.run("VirtualFree", () -> p.vm().free(lpAddress, dwSize, dwFreeType));
        Calls.finish(t, err);
        if (calls.tracing()) {
            calls.trace(t, "VirtualFree", err, bool(err == 0), true, hex(lpAddress), hexSize(dwSize), freeType(dwFreeType));
        }
        return err == 0;
    }

    @Override
    public boolean VirtualProtect(long lpAddress, long dwSize, int flNewProtect, IntByReference lpflOldProtect) {
        SimThread t = calls.begin();
        LongByReference old = new LongByReference();
        int err = calls.run("VirtualProtect",
                () -> p.vm().protect(lpAddress, dwSize, flNewProtect, lpflOldProtect != null, old));
        if (err == 0) {
            lpflOldProtect.setValue((int) old.getValue());
        }
        Calls.finish(t, err);
        if (calls.tracing()) {
            calls.trace(t, "VirtualProtect", err, bool(err == 0), true, hex(lpAddress), hexSize(dwSize), protection(flNewProtect),
                    lpflOldProtect == null ? "NULL" : err == 0 ? "&old=" + protection((int) old.getValue()) : "&old");
        }
        return err == 0;
    }

    // ---------------------------------------------------------------- chapter 16

    @Override
    public long CreateThread(SECURITY_ATTRIBUTES lpThreadAttributes, long dwStackSize, ThreadProc lpStartAddress,
                             long lpParameter, int dwCreationFlags, IntByReference lpThreadId) {
        SimThread t = calls.begin();
        int err = 0;
        long handle = 0;
        if (lpStartAddress == null || dwStackSize < 0
                || (dwCreationFlags & ~(CREATE_SUSPENDED | STACK_SIZE_PARAM_IS_A_RESERVATION)) != 0) {
            err = ERROR_INVALID_PARAMETER;
        } else if ((dwCreationFlags & CREATE_SUSPENDED) != 0) {
            err = ERROR_NOT_SUPPORTED; // there is no ResumeThread in the simulated API
        } else {
            err = m.faults().check("CreateThread");
        }
        if (err == 0) {
            SimThread created;
            lock.lock();
            try {
                created = m.newThread(p, dwStackSize, dwStackSize,
                        (dwCreationFlags & STACK_SIZE_PARAM_IS_A_RESERVATION) != 0);
            } finally {
                lock.unlock();
            }
            if (created == null) {
                err = ERROR_NOT_ENOUGH_MEMORY;
            } else {
                handle = new ThreadStarter(p, created, lpStartAddress, lpParameter).start();
                if (lpThreadId != null) {
                    lpThreadId.setValue(created.threadId());
                }
            }
        }
        Calls.finish(t, err);
        if (calls.tracing()) {
            calls.trace(t, "CreateThread", err, hex(handle), true, lpThreadAttributes == null ? "NULL" : "&sa",
                    hexSize(dwStackSize), "proc", hex(lpParameter), hex(dwCreationFlags & 0xFFFFFFFFL), "&tid");
        }
        return handle;
    }

    @Override
    public void GetCurrentThreadStackLimits(LongByReference lowLimit, LongByReference highLimit) {
        SimThread t = calls.begin();
        if (lowLimit != null) {
            lowLimit.setValue(t.deallocationStack());
        }
        if (highLimit != null) {
            highLimit.setValue(t.stackBase());
        }
        if (calls.tracing()) {
            calls.trace(t, "GetCurrentThreadStackLimits", 0, "", false, hex(t.deallocationStack()), hex(t.stackBase()));
        }
    }

    @Override
    public int WaitForSingleObject(long hHandle, int dwMilliseconds) {
        SimThread t = calls.begin();
        KernelObject o = p.handles().get(hHandle);
        int result;
        int err = 0;
        if (!(o instanceof ThreadObject)) {
            err = ERROR_INVALID_HANDLE;
            result = WAIT_FAILED;
        } else {
            try {
                long ms = dwMilliseconds == INFINITE ? -1 : Integer.toUnsignedLong(dwMilliseconds);
                result = ((ThreadObject) o).await(ms) ? WAIT_OBJECT_0 : WAIT_TIMEOUT;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.checkAlive();
                result = WAIT_FAILED;
                err = ERROR_INVALID_HANDLE;
            }
        }
        Calls.finish(t, err);
        if (calls.tracing()) {
            calls.trace(t, "WaitForSingleObject", err, result == WAIT_OBJECT_0 ? "WAIT_OBJECT_0"
                    : result == WAIT_TIMEOUT ? "WAIT_TIMEOUT" : "WAIT_FAILED", false, hex(hHandle),
                    dwMilliseconds == INFINITE ? "INFINITE" : Integer.toUnsignedString(dwMilliseconds));
        }
        return result;
    }

    @Override
    public boolean CloseHandle(long hObject) {
        SimThread t = calls.begin();
        int err = m.faults().check("CloseHandle");
        if (err == 0 && !p.handles().close(hObject)) {
            err = ERROR_INVALID_HANDLE;
        }
        Calls.finish(t, err);
        if (calls.tracing()) {
            calls.trace(t, "CloseHandle", err, bool(err == 0), false, hex(hObject));
        }
        return err == 0;
    }

    // ---------------------------------------------------------------- chapter 17: files (see FileCalls)

    @Override
    public long CreateFile(String lpFileName, int dwDesiredAccess, int dwShareMode,
                           SECURITY_ATTRIBUTES lpSecurityAttributes, int dwCreationDisposition,
                           int dwFlagsAndAttributes, long hTemplateFile) {
        return files.createFile(lpFileName, dwDesiredAccess, dwShareMode, lpSecurityAttributes,
                dwCreationDisposition, dwFlagsAndAttributes, hTemplateFile);
    }

    @Override
    public boolean GetFileSizeEx(long hFile, LongByReference lpFileSize) {
        return files.getFileSizeEx(hFile, lpFileSize);
    }

    @Override
    public boolean ReadFile(long hFile, long lpBuffer, int nNumberOfBytesToRead, IntByReference lpNumberOfBytesRead,
                            long lpOverlapped) {
        return files.readFile(hFile, lpBuffer, nNumberOfBytesToRead, lpNumberOfBytesRead, lpOverlapped);
    }

    @Override
    public boolean WriteFile(long hFile, long lpBuffer, int nNumberOfBytesToWrite,
                             IntByReference lpNumberOfBytesWritten, long lpOverlapped) {
        return files.writeFile(hFile, lpBuffer, nNumberOfBytesToWrite, lpNumberOfBytesWritten, lpOverlapped);
    }

    @Override
    public boolean SetFilePointerEx(long hFile, long liDistanceToMove, LongByReference lpNewFilePointer,
                                    int dwMoveMethod) {
        return files.setFilePointerEx(hFile, liDistanceToMove, lpNewFilePointer, dwMoveMethod);
    }

    @Override
    public boolean SetEndOfFile(long hFile) {
        return files.setEndOfFile(hFile);
    }

    // ---------------------------------------------------------------- chapter 17: file mappings (see MappingCalls)

    @Override
    public long CreateFileMapping(long hFile, SECURITY_ATTRIBUTES lpAttributes, int flProtect, int dwMaximumSizeHigh,
                                  int dwMaximumSizeLow, String lpName) {
        return mappings.createFileMapping(hFile, lpAttributes, flProtect, dwMaximumSizeHigh, dwMaximumSizeLow, lpName);
    }

    @Override
    public long OpenFileMapping(int dwDesiredAccess, boolean bInheritHandle, String lpName) {
        return mappings.openFileMapping(dwDesiredAccess, bInheritHandle, lpName);
    }

    @Override
    public long MapViewOfFile(long hFileMappingObject, int dwDesiredAccess, int dwFileOffsetHigh,
                              int dwFileOffsetLow, long dwNumberOfBytesToMap) {
        return mappings.mapViewOfFileEx("MapViewOfFile", hFileMappingObject, dwDesiredAccess, dwFileOffsetHigh,
                dwFileOffsetLow, dwNumberOfBytesToMap, 0);
    }

    @Override
    public long MapViewOfFileEx(long hFileMappingObject, int dwDesiredAccess, int dwFileOffsetHigh,
                                int dwFileOffsetLow, long dwNumberOfBytesToMap, long lpBaseAddress) {
        return mappings.mapViewOfFileEx("MapViewOfFileEx", hFileMappingObject, dwDesiredAccess, dwFileOffsetHigh,
                dwFileOffsetLow, dwNumberOfBytesToMap, lpBaseAddress);
    }

    @Override
    public boolean UnmapViewOfFile(long lpBaseAddress) {
        return mappings.unmapViewOfFile(lpBaseAddress);
    }

    @Override
    public boolean FlushViewOfFile(long lpBaseAddress, long dwNumberOfBytesToFlush) {
        return mappings.flushViewOfFile(lpBaseAddress, dwNumberOfBytesToFlush);
    }

    // ---------------------------------------------------------------- chapter 18 (part 2 of the kernel)

    @Override
    public long GetProcessHeap() {
        return heaps.getProcessHeap();
    }

    @Override
    public int GetProcessHeaps(int NumberOfHeaps, long[] ProcessHeaps) {
        return heaps.getProcessHeaps(NumberOfHeaps, ProcessHeaps);
    }

    @Override
    public long HeapCreate(int flOptions, long dwInitialSize, long dwMaximumSize) {
        return heaps.heapCreate(flOptions, dwInitialSize, dwMaximumSize);
    }

    @Override
    public boolean HeapDestroy(long hHeap) {
        return heaps.heapDestroy(hHeap);
    }

    @Override
    public long HeapAlloc(long hHeap, int dwFlags, long dwBytes) {
        return heaps.heapAlloc(hHeap, dwFlags, dwBytes);
    }

    @Override
    public long HeapReAlloc(long hHeap, int dwFlags, long lpMem, long dwBytes) {
        return heaps.heapReAlloc(hHeap, dwFlags, lpMem, dwBytes);
    }

    @Override
    public long HeapSize(long hHeap, int dwFlags, long lpMem) {
        return heaps.heapSize(hHeap, dwFlags, lpMem);
    }

    @Override
    public boolean HeapFree(long hHeap, int dwFlags, long lpMem) {
        return heaps.heapFree(hHeap, dwFlags, lpMem);
    }

    @Override
    public boolean HeapValidate(long hHeap, int dwFlags, long lpMem) {
        return heaps.heapValidate(hHeap, dwFlags, lpMem);
    }

    @Override
    public long HeapCompact(long hHeap, int dwFlags) {
        return heaps.heapCompact(hHeap, dwFlags);
    }

    @Override
    public boolean HeapLock(long hHeap) {
        return heaps.heapLock(hHeap);
    }

    @Override
    public boolean HeapUnlock(long hHeap) {
        return heaps.heapUnlock(hHeap);
    }

    @Override
    public boolean HeapWalk(long hHeap, PROCESS_HEAP_ENTRY lpEntry) {
        return heaps.heapWalk(hHeap, lpEntry);
    }

    @Override
    public boolean HeapSetInformation(long HeapHandle, int HeapInformationClass, IntByReference HeapInformation,
                                      long HeapInformationLength) {
        return heaps.heapSetInformation(HeapHandle, HeapInformationClass, HeapInformation, HeapInformationLength);
    }

    @Override
    public boolean HeapQueryInformation(long HeapHandle, int HeapInformationClass, IntByReference HeapInformation,
                                        long HeapInformationLength, LongByReference ReturnLength) {
        return heaps.heapQueryInformation(HeapHandle, HeapInformationClass, HeapInformation, HeapInformationLength,
                ReturnLength);
    }

    // ---------------------------------------------------------------- images

    @Override
    public long LoadLibrary(String lpLibFileName) {
        SimThread t = calls.begin();
        Module[] out = new Module[1];
        int err = calls.run("LoadLibrary", () -> m.images().load(p.modules(), lpLibFileName, true, out));
        long base = err == 0 ? out[0].base() : 0;
        Calls.finish(t, err);
        if (calls.tracing()) {
            calls.trace(t, "LoadLibrary", err, hex(base), true, lpLibFileName == null ? "NULL" : '"' + lpLibFileName + '"');
        }
        return base;
    }

    @Override
    public boolean FreeLibrary(long hLibModule) {
        SimThread t = calls.begin();
        int err = calls.run("FreeLibrary", () -> {
            Module module = p.modules().at(hLibModule);
            if (module == null || module.base() == p.exeBase()) {
                return NtStatus.DLL_NOT_FOUND;
            }
            m.images().unload(p.modules(), module);
            return NtStatus.SUCCESS;
        });
        Calls.finish(t, err);
        if (calls.tracing()) {
            calls.trace(t, "FreeLibrary", err, bool(err == 0), true, hex(hLibModule));
        }
        return err == 0;
    }

    @Override
    public long GetModuleHandle(String lpModuleName) {
        SimThread t = calls.begin();
        long base;
        lock.lock();
        try {
            Module module = lpModuleName == null ? null : p.modules().named(lpModuleName);
            base = lpModuleName == null ? p.exeBase() : module == null ? 0 : module.base();
        } finally {
            lock.unlock();
        }
        int err = base == 0 ? ERROR_MOD_NOT_FOUND : 0;
        Calls.finish(t, err);
        if (calls.tracing()) {
            calls.trace(t, "GetModuleHandle", err, hex(base), false, lpModuleName == null ? "NULL" : '"' + lpModuleName + '"');
        }
        return base;
    }

    // ---------------------------------------------------------------- exceptions, errors, interlocked

    @Override
    public void RaiseException(int dwExceptionCode, int dwExceptionFlags, long[] lpArguments) {
        SimThread t = calls.begin();
        EXCEPTION_RECORD r = new EXCEPTION_RECORD();
        r.ExceptionCode = dwExceptionCode & ~0x10000000; // the system clears bit 28, reserved for its own use
        r.ExceptionFlags = dwExceptionFlags & EXCEPTION_NONCONTINUABLE;
        r.ExceptionAddress = p.codeAddress();
        int n = lpArguments == null ? 0 : Math.min(lpArguments.length, EXCEPTION_MAXIMUM_PARAMETERS);
        r.NumberParameters = n;
        for (int i = 0; i < n; i++) {
            r.ExceptionInformation[i] = lpArguments[i];
        }
        if (calls.tracing()) {
            calls.trace(t, "RaiseException", 0, "", false, hex(dwExceptionCode & 0xFFFFFFFFL),
                    hex(dwExceptionFlags & 0xFFFFFFFFL), Integer.toString(n));
        }
        p.raise(r, null);
    }

    @Override
    public int GetLastError() {
        return p.enter().lastError();
    }

    @Override
    public void SetLastError(int dwErrCode) {
        p.enter().setLastError(dwErrCode);
    }

    @Override
    public int InterlockedIncrement(long lpAddend) {
        return interlocked("InterlockedIncrement", lpAddend, 1) + 1;
    }

    @Override
    public int InterlockedDecrement(long lpAddend) {
        return interlocked("InterlockedDecrement", lpAddend, -1) - 1;
    }

    @Override
    public int InterlockedExchangeAdd(long lpAddend, int value) {
        return interlocked("InterlockedExchangeAdd", lpAddend, value);
    }

    private int interlocked(String function, long address, int delta) {
        SimThread t = calls.begin();
        int old = p.simMemory().getAndAdd(address, delta);
        if (calls.tracing()) {
            calls.trace(t, function, 0, Integer.toString(function.equals("InterlockedExchangeAdd") ? old : old + delta),
                    false, hex(address), Integer.toString(delta));
        }
        return old;
    }

    @Override
    public int InterlockedCompareExchange(long lpDestination, int exchange, int comparand) {
        SimThread t = calls.begin();
        int old = p.simMemory().compareAndExchange(lpDestination, exchange, comparand);
        if (calls.tracing()) {
            calls.trace(t, "InterlockedCompareExchange", 0, Integer.toString(old), false, hex(lpDestination),
                    Integer.toString(exchange), Integer.toString(comparand));
        }
        return old;
    }

    @Override
    public int GetCurrentProcessId() {
        p.enter();
        return p.id();
    }

    @Override
    public int GetCurrentThreadId() {
        return p.enter().threadId();
    }
}
