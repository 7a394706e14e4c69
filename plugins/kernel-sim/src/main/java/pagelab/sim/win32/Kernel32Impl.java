package pagelab.sim.win32;

import static pagelab.kernel.WinError.ERROR_MOD_NOT_FOUND;
import static pagelab.kernel.format.Win32Format.bool;
import static pagelab.kernel.format.Win32Format.hex;

import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;
import pagelab.kernel.LongByReference;
import pagelab.kernel.MEMORYSTATUSEX;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.PROCESS_INFORMATION;
import pagelab.kernel.PROCESS_HEAP_ENTRY;
import pagelab.kernel.SECURITY_ATTRIBUTES;
import pagelab.kernel.STARTUPINFO;
import pagelab.kernel.SYSTEM_INFO;
import pagelab.kernel.ThreadProc;
import pagelab.sim.image.Module;
import pagelab.sim.machine.SimMachine;
import pagelab.sim.machine.SimProcess;
import pagelab.sim.status.NtStatus;
import pagelab.sim.sync.KernelLock;
import pagelab.sim.thread.SimThread;

/**
 * The Win32 facade of one process (Wine's kernelbase over ntdll): each method converts its arguments, runs the
 * core operation under the machine lock (unless a checker's fault injection fails it first), turns the status
 * into last-error through {@link NtStatus}'s table, and records the call for the inspector (see {@link Calls}).
 * The functions live in one class per chapter; the images' three and the thread's identity are here.
 */
public final class Kernel32Impl implements Kernel32 {
    private final SimProcess p;
    private final SimMachine m;
    private final KernelLock lock;
    private final Calls calls;
    private final MemoryCalls memory;
    private final ThreadCalls threads;
    private final FileCalls files;
    private final MappingCalls mappings;
    private final HeapCalls heaps;
    private final HandleCalls handles;

    public Kernel32Impl(SimProcess process) {
        this.p = process;
        this.m = process.simMachine();
        this.lock = process.lock();
        this.calls = new Calls(process);
        this.memory = new MemoryCalls(calls);
        this.threads = new ThreadCalls(calls);
        this.files = new FileCalls(calls);
        this.mappings = new MappingCalls(calls);
        this.heaps = new HeapCalls(calls);
        this.handles = new HandleCalls(calls);
    }

    // ---------------------------------------------------------------- chapter 14 (see MemoryCalls)

    @Override
    public void GetSystemInfo(SYSTEM_INFO info) {
        memory.getSystemInfo(info);
    }

    @Override
    public boolean GlobalMemoryStatusEx(MEMORYSTATUSEX buffer) {
        return memory.globalMemoryStatusEx(buffer);
    }

    @Override
    public long VirtualQuery(long lpAddress, MEMORY_BASIC_INFORMATION lpBuffer) {
        return memory.virtualQuery(lpAddress, lpBuffer);
    }

    // ---------------------------------------------------------------- chapter 15 (see MemoryCalls)

    @Override
    public long VirtualAlloc(long lpAddress, long dwSize, int flAllocationType, int flProtect) {
        return memory.virtualAlloc(lpAddress, dwSize, flAllocationType, flProtect);
    }

    @Override
    public boolean VirtualFree(long lpAddress, long dwSize, int dwFreeType) {
        return memory.virtualFree(lpAddress, dwSize, dwFreeType);
    }

    @Override
    public boolean VirtualProtect(long lpAddress, long dwSize, int flNewProtect, IntByReference lpflOldProtect) {
        return memory.virtualProtect(lpAddress, dwSize, flNewProtect, lpflOldProtect);
    }

    // ---------------------------------------------------------------- chapter 16 (see ThreadCalls)

    @Override
    public long CreateThread(SECURITY_ATTRIBUTES lpThreadAttributes, long dwStackSize, ThreadProc lpStartAddress,
                             long lpParameter, int dwCreationFlags, IntByReference lpThreadId) {
        return threads.createThread(lpThreadAttributes, dwStackSize, lpStartAddress, lpParameter, dwCreationFlags,
                lpThreadId);
    }

    @Override
    public void GetCurrentThreadStackLimits(LongByReference lowLimit, LongByReference highLimit) {
        threads.getCurrentThreadStackLimits(lowLimit, highLimit);
    }

    @Override
    public int WaitForSingleObject(long hHandle, int dwMilliseconds) {
        return threads.waitForSingleObject(hHandle, dwMilliseconds);
    }

    @Override
    public boolean CloseHandle(long hObject) {
        return threads.closeHandle(hObject);
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

    // ---------------------------------------------------------------- chapter 18 (see HeapCalls)

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

    // ---------------------------------------------------------------- handles and processes (see HandleCalls)

    @Override
    public long GetCurrentProcess() {
        p.enter();
        return HandleCalls.CURRENT_PROCESS;
    }

    @Override
    public long OpenProcess(int dwDesiredAccess, boolean bInheritHandle, int dwProcessId) {
        return handles.openProcess(dwDesiredAccess, bInheritHandle, dwProcessId);
    }

    @Override
    public boolean DuplicateHandle(long hSourceProcessHandle, long hSourceHandle, long hTargetProcessHandle,
                                   LongByReference lpTargetHandle, int dwDesiredAccess, boolean bInheritHandle,
                                   int dwOptions) {
        return handles.duplicateHandle(hSourceProcessHandle, hSourceHandle, hTargetProcessHandle, lpTargetHandle,
                dwDesiredAccess, bInheritHandle, dwOptions);
    }

    @Override
    public boolean GetHandleInformation(long hObject, IntByReference lpdwFlags) {
        return handles.getHandleInformation(hObject, lpdwFlags);
    }

    @Override
    public boolean SetHandleInformation(long hObject, int dwMask, int dwFlags) {
        return handles.setHandleInformation(hObject, dwMask, dwFlags);
    }

    @Override
    public boolean CreateProcess(String lpApplicationName, String lpCommandLine,
                                 SECURITY_ATTRIBUTES lpProcessAttributes, SECURITY_ATTRIBUTES lpThreadAttributes,
                                 boolean bInheritHandles, int dwCreationFlags, long lpEnvironment,
                                 String lpCurrentDirectory, STARTUPINFO lpStartupInfo,
                                 PROCESS_INFORMATION lpProcessInformation) {
        return handles.createProcess(lpApplicationName, lpCommandLine, lpProcessAttributes, lpThreadAttributes,
                bInheritHandles, dwCreationFlags, lpCurrentDirectory, lpStartupInfo, lpProcessInformation);
    }

    @Override
    public String GetCommandLine() {
        return handles.getCommandLine();
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
            calls.trace(t, "LoadLibrary", err, hex(base), true,
                    lpLibFileName == null ? "NULL" : '"' + lpLibFileName + '"');
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
            calls.trace(t, "GetModuleHandle", err, hex(base), false,
                    lpModuleName == null ? "NULL" : '"' + lpModuleName + '"');
        }
        return base;
    }

    // ---------------------------------------------------------------- exceptions, interlocked (see ThreadCalls)

    @Override
    public void RaiseException(int dwExceptionCode, int dwExceptionFlags, long[] lpArguments) {
        threads.raiseException(dwExceptionCode, dwExceptionFlags, lpArguments);
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
        return threads.interlocked("InterlockedIncrement", lpAddend, 1) + 1;
    }

    @Override
    public int InterlockedDecrement(long lpAddend) {
        return threads.interlocked("InterlockedDecrement", lpAddend, -1) - 1;
    }

    @Override
    public int InterlockedExchangeAdd(long lpAddend, int value) {
        return threads.interlocked("InterlockedExchangeAdd", lpAddend, value);
    }

    @Override
    public int InterlockedCompareExchange(long lpDestination, int exchange, int comparand) {
        return threads.interlockedCompareExchange(lpDestination, exchange, comparand);
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
