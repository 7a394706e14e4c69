package pagelab.sim.win32;

import static pagelab.kernel.format.Win32Format.bool;
import static pagelab.kernel.format.Win32Format.hex;
import static pagelab.kernel.format.Win32Format.hexSize;

import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.IntByReference;
import pagelab.kernel.LongByReference;
import pagelab.kernel.PROCESS_HEAP_ENTRY;
import pagelab.kernel.WinError;
import pagelab.kernel.WinNT;
import pagelab.sim.heap.HeapManager;
import pagelab.sim.thread.SimThread;

/**
 * The Win32 heap functions (chapter 18) over the process's HeapManager, which takes the machine lock itself. Each
 * goes the way every Win32 call does (see {@link Calls}): count, fault injection, the manager, last-error, trace.
 */
final class HeapCalls {
    private final Calls c;
    private final HeapManager heaps;

    HeapCalls(Calls calls) {
        this.c = calls;
        this.heaps = calls.p.heaps();
    }

    long getProcessHeap() {
        SimThread t = c.begin();
        long heap = heaps.processHeap();
        if (c.tracing()) {
            c.trace(t, "GetProcessHeap", 0, hex(heap), false);
        }
        return heap;
    }

    int getProcessHeaps(int NumberOfHeaps, long[] ProcessHeaps) {
        SimThread t = c.begin();
        int n = heaps.heaps(ProcessHeaps == null ? 0 : Math.min(NumberOfHeaps, ProcessHeaps.length), ProcessHeaps);
        if (c.tracing()) {
            c.trace(t, "GetProcessHeaps", 0, Integer.toString(n), false, Integer.toString(NumberOfHeaps), "heaps");
        }
        return n;
    }

    long heapCreate(int flOptions, long dwInitialSize, long dwMaximumSize) {
        SimThread t = c.begin();
        LongByReference out = new LongByReference();
        int err = c.injected("HeapCreate");
        if (err == 0) {
            err = heaps.create(flOptions, dwInitialSize, dwMaximumSize, out).win32Error();
        }
        long result = err == 0 ? out.getValue() : 0;
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "HeapCreate", err, hex(result), true, hex(flOptions & 0xFFFFFFFFL), hexSize(dwInitialSize),
                    hexSize(dwMaximumSize));
        }
        return result;
    }

    boolean heapDestroy(long hHeap) {
        SimThread t = c.begin();
        int err = c.injected("HeapDestroy");
        if (err == 0) {
            err = heaps.destroy(hHeap).win32Error();
        }
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "HeapDestroy", err, bool(err == 0), true, hex(hHeap));
        }
        return err == 0;
    }

    long heapAlloc(long hHeap, int dwFlags, long dwBytes) {
        SimThread t = c.begin();
        LongByReference out = new LongByReference();
        int err = c.injected("HeapAlloc");
        if (err == 0) {
            err = heaps.alloc(hHeap, dwFlags, dwBytes, out).win32Error();
        }
        long result = err == 0 ? out.getValue() : 0;
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "HeapAlloc", err, hex(result), true, hex(hHeap), hex(dwFlags & 0xFFFFFFFFL), hexSize(dwBytes));
        }
        raiseNoMemory(err, dwFlags, hHeap);
        return result;
    }

    long heapReAlloc(long hHeap, int dwFlags, long lpMem, long dwBytes) {
        SimThread t = c.begin();
        LongByReference out = new LongByReference();
        int err = c.injected("HeapReAlloc");
        if (err == 0) {
            err = heaps.realloc(hHeap, dwFlags, lpMem, dwBytes, out).win32Error();
        }
        long result = err == 0 ? out.getValue() : 0;
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "HeapReAlloc", err, hex(result), true, hex(hHeap), hex(dwFlags & 0xFFFFFFFFL), hex(lpMem),
                    hexSize(dwBytes));
        }
        raiseNoMemory(err, dwFlags, hHeap);
        return result;
    }

    long heapSize(long hHeap, int dwFlags, long lpMem) {
        SimThread t = c.begin();
        LongByReference out = new LongByReference();
        int err = c.injected("HeapSize");
        if (err == 0) {
            err = heaps.size(hHeap, dwFlags, lpMem, out).win32Error();
        }
        long result = err == 0 ? out.getValue() : -1;
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "HeapSize", err, hexSize(result), false, hex(hHeap), hex(dwFlags & 0xFFFFFFFFL), hex(lpMem));
        }
        return result;
    }

    boolean heapFree(long hHeap, int dwFlags, long lpMem) {
        SimThread t = c.begin();
        int err = c.injected("HeapFree");
        if (err == 0) {
            err = heaps.free(hHeap, dwFlags, lpMem).win32Error();
        }
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "HeapFree", err, bool(err == 0), true, hex(hHeap), hex(dwFlags & 0xFFFFFFFFL), hex(lpMem));
        }
        return err == 0;
    }

    boolean heapValidate(long hHeap, int dwFlags, long lpMem) {
        SimThread t = c.begin();
        boolean ok = c.injected("HeapValidate") == 0 && heaps.validate(hHeap, dwFlags, lpMem);
        if (c.tracing()) {
            c.trace(t, "HeapValidate", 0, bool(ok), false, hex(hHeap), hex(dwFlags & 0xFFFFFFFFL), hex(lpMem));
        }
        return ok;
    }

    long heapCompact(long hHeap, int dwFlags) {
        SimThread t = c.begin();
        LongByReference out = new LongByReference();
        int err = c.injected("HeapCompact");
        if (err == 0) {
            err = heaps.compact(hHeap, dwFlags, out).win32Error();
        }
        long result = err == 0 ? out.getValue() : 0;
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "HeapCompact", err, hexSize(result), true, hex(hHeap), hex(dwFlags & 0xFFFFFFFFL));
        }
        return result;
    }

    boolean heapLock(long hHeap) {
        SimThread t = c.begin();
        int err = c.injected("HeapLock");
        if (err == 0) {
            err = heaps.lock(hHeap).win32Error();
        }
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "HeapLock", err, bool(err == 0), false, hex(hHeap));
        }
        return err == 0;
    }

    boolean heapUnlock(long hHeap) {
        SimThread t = c.begin();
        int err = c.injected("HeapUnlock");
        if (err == 0) {
            err = heaps.unlock(hHeap).win32Error();
        }
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "HeapUnlock", err, bool(err == 0), false, hex(hHeap));
        }
        return err == 0;
    }

    boolean heapWalk(long hHeap, PROCESS_HEAP_ENTRY lpEntry) {
        SimThread t = c.begin();
        long from = lpEntry == null ? 0 : lpEntry.lpData;
        int err = c.injected("HeapWalk");
        if (err == 0) {
            err = heaps.walk(hHeap, lpEntry).win32Error();
        }
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "HeapWalk", err, err == 0 ? lpEntry.toString() : bool(false), false, hex(hHeap),
                    lpEntry == null ? "NULL" : "lpData=" + hex(from));
        }
        return err == 0;
    }

    /**
     * HeapSetInformation. HeapCompatibilityInformation: the ULONG is read first (a buffer shorter than one gives
     * ERROR_INSUFFICIENT_BUFFER, a missing one ERROR_NOACCESS), then the heap's rules apply. HeapEnableTermination-
     * OnCorruption: for the whole process, whatever the handle and buffer. Other classes, including Windows 8.1's
     * HeapOptimizeResources, whose structure this signature cannot carry: ERROR_INVALID_PARAMETER.
     */
    boolean heapSetInformation(long HeapHandle, int HeapInformationClass, IntByReference HeapInformation,
                               long HeapInformationLength) {
        SimThread t = c.begin();
        int err = c.injected("HeapSetInformation");
        if (err == 0) {
            err = switch (HeapInformationClass) {
                case WinNT.HeapCompatibilityInformation -> HeapInformationLength < 4
                        ? WinError.ERROR_INSUFFICIENT_BUFFER
                        : HeapInformation == null ? WinError.ERROR_NOACCESS
                        : heaps.setCompatibility(HeapHandle, HeapInformation.getValue()).win32Error();
                case WinNT.HeapEnableTerminationOnCorruption -> {
                    c.p.enableTerminationOnHeapCorruption();
                    yield 0;
                }
                default -> WinError.ERROR_INVALID_PARAMETER;
            };
        }
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "HeapSetInformation", err, bool(err == 0), false, hex(HeapHandle),
                    informationClass(HeapInformationClass),
                    HeapInformation == null ? "NULL" : Integer.toString(HeapInformation.getValue()),
                    hexSize(HeapInformationLength));
        }
        return err == 0;
    }

    /** HeapQueryInformation of HeapCompatibilityInformation; ReturnLength gets 4 even when the buffer is short. */
    boolean heapQueryInformation(long HeapHandle, int HeapInformationClass, IntByReference HeapInformation,
                                 long HeapInformationLength, LongByReference ReturnLength) {
        SimThread t = c.begin();
        LongByReference out = new LongByReference();
        int err = c.injected("HeapQueryInformation");
        if (err == 0) {
            err = queryCompatibility(HeapHandle, HeapInformationClass, HeapInformation, HeapInformationLength,
                    ReturnLength, out);
        }
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "HeapQueryInformation", err, err == 0 ? "TRUE (" + HeapInformation.getValue() + ")"
                    : bool(false), false, hex(HeapHandle), informationClass(HeapInformationClass),
                    HeapInformation == null ? "NULL" : "ULONG", hexSize(HeapInformationLength));
        }
        return err == 0;
    }

    private int queryCompatibility(long heap, int informationClass, IntByReference information, long length,
                                   LongByReference returnLength, LongByReference value) {
        if (informationClass != WinNT.HeapCompatibilityInformation) {
            return WinError.ERROR_INVALID_PARAMETER;
        }
        int err = heaps.compatibility(heap, value).win32Error();
        if (err != 0) {
            return err;
        }
        if (returnLength != null) {
            returnLength.setValue(4);
        }
        if (length < 4) {
            return WinError.ERROR_INSUFFICIENT_BUFFER;
        }
        if (information == null) {
            return WinError.ERROR_NOACCESS;
        }
        information.setValue((int) value.getValue());
        return 0;
    }

    private static String informationClass(int c) {
        return switch (c) {
            case WinNT.HeapCompatibilityInformation -> "HeapCompatibilityInformation";
            case WinNT.HeapEnableTerminationOnCorruption -> "HeapEnableTerminationOnCorruption";
            case WinNT.HeapOptimizeResources -> "HeapOptimizeResources";
            default -> Integer.toString(c);
        };
    }

    /** HEAP_GENERATE_EXCEPTIONS turns an allocation failure into STATUS_NO_MEMORY (or the corruption status). */
    private void raiseNoMemory(int err, int flags, long heap) {
        if (err == 0 || (flags & WinNT.HEAP_GENERATE_EXCEPTIONS) == 0
                && !heaps.generatesExceptions(heap)) {
            return;
        }
        EXCEPTION_RECORD r = new EXCEPTION_RECORD();
        r.ExceptionCode = err == WinError.ERROR_NOT_ENOUGH_MEMORY ? WinNT.STATUS_NO_MEMORY
                : WinNT.STATUS_ACCESS_VIOLATION;
        r.ExceptionAddress = c.p.codeAddress();
        r.NumberParameters = 0;
        c.p.raise(r, null);
    }
}
