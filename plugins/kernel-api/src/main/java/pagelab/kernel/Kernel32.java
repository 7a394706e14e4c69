package pagelab.kernel;

/**
 * The Win32 memory API of one simulated process ({@code kernel32.dll}), named and typed as JNA names it:
 * pointers and {@code SIZE_T} are {@code long}, {@code DWORD} is {@code int}, handles are {@code long}
 * (NULL = 0, {@code INVALID_HANDLE_VALUE} = -1).
 *
 * <p>Every call is made by the calling Java thread acting as a thread of this process. Failures behave as on
 * Windows: the documented failure value, with {@link #GetLastError()} set to the Win32 error Windows gives.
 * No call lets a Java exception escape because of its arguments; a call made from a thread of a process that
 * has ended throws {@link ProcessTerminatedException}.
 */
public interface Kernel32 {
    // ---- chapter 14: exploring the address space ----
    void GetSystemInfo(SYSTEM_INFO lpSystemInfo);

    boolean GlobalMemoryStatusEx(MEMORYSTATUSEX lpBuffer);

    /** Returns the number of bytes stored in the buffer (28 on x86, 48 on x64), or 0 on failure. */
    long VirtualQuery(long lpAddress, MEMORY_BASIC_INFORMATION lpBuffer);

    // ---- chapter 15: virtual memory ----
    long VirtualAlloc(long lpAddress, long dwSize, int flAllocationType, int flProtect);

    boolean VirtualFree(long lpAddress, long dwSize, int dwFreeType);

    boolean VirtualProtect(long lpAddress, long dwSize, int flNewProtect, IntByReference lpflOldProtect);

    // ---- chapter 16: thread stacks ----
    long CreateThread(SECURITY_ATTRIBUTES lpThreadAttributes, long dwStackSize, ThreadProc lpStartAddress,
                      long lpParameter, int dwCreationFlags, IntByReference lpThreadId);

    void GetCurrentThreadStackLimits(LongByReference lowLimit, LongByReference highLimit);

    int WaitForSingleObject(long hHandle, int dwMilliseconds);

    // ---- chapter 17: files and memory-mapped files ----
    long CreateFile(String lpFileName, int dwDesiredAccess, int dwShareMode, SECURITY_ATTRIBUTES lpSecurityAttributes,
                    int dwCreationDisposition, int dwFlagsAndAttributes, long hTemplateFile);

    boolean GetFileSizeEx(long hFile, LongByReference lpFileSize);

    boolean ReadFile(long hFile, long lpBuffer, int nNumberOfBytesToRead, IntByReference lpNumberOfBytesRead,
                     long lpOverlapped);

    boolean WriteFile(long hFile, long lpBuffer, int nNumberOfBytesToWrite, IntByReference lpNumberOfBytesWritten,
                      long lpOverlapped);

    boolean SetFilePointerEx(long hFile, long liDistanceToMove, LongByReference lpNewFilePointer, int dwMoveMethod);

    boolean SetEndOfFile(long hFile);

    long CreateFileMapping(long hFile, SECURITY_ATTRIBUTES lpAttributes, int flProtect,
                           int dwMaximumSizeHigh, int dwMaximumSizeLow, String lpName);

    long OpenFileMapping(int dwDesiredAccess, boolean bInheritHandle, String lpName);

    long MapViewOfFile(long hFileMappingObject, int dwDesiredAccess, int dwFileOffsetHigh, int dwFileOffsetLow,
                       long dwNumberOfBytesToMap);

    long MapViewOfFileEx(long hFileMappingObject, int dwDesiredAccess, int dwFileOffsetHigh, int dwFileOffsetLow,
                         long dwNumberOfBytesToMap, long lpBaseAddress);

    boolean UnmapViewOfFile(long lpBaseAddress);

    boolean FlushViewOfFile(long lpBaseAddress, long dwNumberOfBytesToFlush);

    boolean CloseHandle(long hObject);

    // ---- chapter 18: heaps ----
    long GetProcessHeap();

    int GetProcessHeaps(int NumberOfHeaps, long[] ProcessHeaps);

    long HeapCreate(int flOptions, long dwInitialSize, long dwMaximumSize);

    boolean HeapDestroy(long hHeap);

    long HeapAlloc(long hHeap, int dwFlags, long dwBytes);

    long HeapReAlloc(long hHeap, int dwFlags, long lpMem, long dwBytes);

    /** Returns the block's size, or -1 ({@code (SIZE_T)-1}) on failure. */
    long HeapSize(long hHeap, int dwFlags, long lpMem);

    boolean HeapFree(long hHeap, int dwFlags, long lpMem);

    boolean HeapValidate(long hHeap, int dwFlags, long lpMem);

    long HeapCompact(long hHeap, int dwFlags);

    // Chapter 18's "other heap functions" and the low-fragmentation heap, beyond the SPI's list (kernel-spi.md):
    // default methods, so that a kernel provider written against the SPI alone still compiles and answers
    // ERROR_CALL_NOT_IMPLEMENTED.

    /** Takes the heap's lock: other threads' calls on the heap wait until {@link #HeapUnlock}. Reentrant. */
    default boolean HeapLock(long hHeap) {
        SetLastError(WinError.ERROR_CALL_NOT_IMPLEMENTED);
        return false;
    }

    default boolean HeapUnlock(long hHeap) {
        SetLastError(WinError.ERROR_CALL_NOT_IMPLEMENTED);
        return false;
    }

    /**
     * The heap's next region, uncommitted range or block after {@code lpEntry} (the first when its {@code lpData}
     * is 0); FALSE with ERROR_NO_MORE_ITEMS after the last. Hold {@link #HeapLock} around a walk.
     */
    default boolean HeapWalk(long hHeap, PROCESS_HEAP_ENTRY lpEntry) {
        SetLastError(WinError.ERROR_CALL_NOT_IMPLEMENTED);
        return false;
    }

    /**
     * {@code HeapCompatibilityInformation} with a ULONG of 2 asks for the low-fragmentation heap;
     * {@code HeapEnableTerminationOnCorruption} (HeapInformation null, length 0) ends the process on any heap
     * corruption the heap manager detects. {@code HeapInformationLength} is the buffer's size in bytes, as in C.
     */
    default boolean HeapSetInformation(long HeapHandle, int HeapInformationClass, IntByReference HeapInformation,
                                       long HeapInformationLength) {
        SetLastError(WinError.ERROR_CALL_NOT_IMPLEMENTED);
        return false;
    }

    /** {@code HeapCompatibilityInformation}: 0 a standard heap, 2 the low-fragmentation heap is on. */
    default boolean HeapQueryInformation(long HeapHandle, int HeapInformationClass, IntByReference HeapInformation,
                                         long HeapInformationLength, LongByReference ReturnLength) {
        SetLastError(WinError.ERROR_CALL_NOT_IMPLEMENTED);
        return false;
    }

    // Sharing a kernel object between processes other than by name (the book's chapter 3, used by chapter 17's
    // shared sections): handle inheritance, DuplicateHandle and the processes they need. Beyond kernel-spi.md's
    // list, so default methods that answer ERROR_CALL_NOT_IMPLEMENTED, as above.

    /**
     * The pseudo-handle {@code (HANDLE)-1} that stands for the calling process in any call that takes a process
     * handle. It needs no closing (CloseHandle accepts it and does nothing) and is not a handle in the table:
     * DuplicateHandle turns it into a real one.
     */
    default long GetCurrentProcess() {
        return -1L;
    }

    /**
     * A handle to the process {@code dwProcessId} with the access asked for ({@code PROCESS_DUP_HANDLE} for
     * DuplicateHandle); NULL with ERROR_INVALID_PARAMETER when there is no such process.
     */
    default long OpenProcess(int dwDesiredAccess, boolean bInheritHandle, int dwProcessId) {
        SetLastError(WinError.ERROR_CALL_NOT_IMPLEMENTED);
        return 0;
    }

    /**
     * Makes a handle in the process {@code hTargetProcessHandle} to the object {@code hSourceHandle} names in the
     * process {@code hSourceProcessHandle} (both process handles need {@code PROCESS_DUP_HANDLE}; the pseudo-handle
     * {@link #GetCurrentProcess()} has it). The value stored in {@code lpTargetHandle} is valid in the target
     * process only. {@code dwOptions}: {@code DUPLICATE_SAME_ACCESS} ignores {@code dwDesiredAccess} and copies the
     * source handle's access; {@code DUPLICATE_CLOSE_SOURCE} closes the source handle, even when the call fails.
     * A file-mapping handle duplicated with less access maps only the views that access allows.
     */
    default boolean DuplicateHandle(long hSourceProcessHandle, long hSourceHandle, long hTargetProcessHandle,
                                    LongByReference lpTargetHandle, int dwDesiredAccess, boolean bInheritHandle,
                                    int dwOptions) {
        SetLastError(WinError.ERROR_CALL_NOT_IMPLEMENTED);
        return false;
    }

    /** The handle's {@code HANDLE_FLAG_INHERIT} and {@code HANDLE_FLAG_PROTECT_FROM_CLOSE} bits. */
    default boolean GetHandleInformation(long hObject, IntByReference lpdwFlags) {
        SetLastError(WinError.ERROR_CALL_NOT_IMPLEMENTED);
        return false;
    }

    /**
     * Sets the handle's flags selected by {@code dwMask} to their values in {@code dwFlags}. CloseHandle of a handle
     * with {@code HANDLE_FLAG_PROTECT_FROM_CLOSE} fails with ERROR_INVALID_HANDLE and leaves it open.
     */
    default boolean SetHandleInformation(long hObject, int dwMask, int dwFlags) {
        SetLastError(WinError.ERROR_CALL_NOT_IMPLEMENTED);
        return false;
    }

    /**
     * Starts a process from the image {@code lpApplicationName} (or, when that is null, the first token of
     * {@code lpCommandLine}, quoted or ended by a space). With {@code bInheritHandles} the child gets a copy of every
     * inheritable handle of the caller, at the same value, with the same access, to the same object. The child
     * reads {@code lpCommandLine} back with {@link #GetCommandLine()}: that is how it learns the inherited handle
     * values. {@code lpStartupInfo} and {@code lpProcessInformation} are required; the caller closes the two handles
     * returned in the latter. {@code CREATE_SUSPENDED} is not supported (there is no ResumeThread). The new process
     * runs no code of its own: a Java thread acts as its thread through {@link WinProcess#kernel32()}, found with
     * {@link Machine#processes()} by {@code dwProcessId}.
     */
    default boolean CreateProcess(String lpApplicationName, String lpCommandLine,
                                  SECURITY_ATTRIBUTES lpProcessAttributes, SECURITY_ATTRIBUTES lpThreadAttributes,
                                  boolean bInheritHandles, int dwCreationFlags, long lpEnvironment,
                                  String lpCurrentDirectory, STARTUPINFO lpStartupInfo,
                                  PROCESS_INFORMATION lpProcessInformation) {
        SetLastError(WinError.ERROR_CALL_NOT_IMPLEMENTED);
        return false;
    }

    /** The command line the process was started with (its image path when it was started without one). */
    default String GetCommandLine() {
        SetLastError(WinError.ERROR_CALL_NOT_IMPLEMENTED);
        return null;
    }

    // ---- images (chapters 14 and 17) ----
    long LoadLibrary(String lpLibFileName);

    boolean FreeLibrary(long hLibModule);

    /** {@code null} names the process's own exe. */
    long GetModuleHandle(String lpModuleName);

    // ---- exceptions, errors, interlocked operations on simulated memory ----
    void RaiseException(int dwExceptionCode, int dwExceptionFlags, long[] lpArguments);

    int GetLastError();

    void SetLastError(int dwErrCode);

    int InterlockedIncrement(long lpAddend);

    int InterlockedDecrement(long lpAddend);

    int InterlockedExchangeAdd(long lpAddend, int value);

    int InterlockedCompareExchange(long lpDestination, int exchange, int comparand);

    int GetCurrentProcessId();

    int GetCurrentThreadId();
}
