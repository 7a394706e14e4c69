package pagelab.sim.win32;

import static pagelab.kernel.WinError.ERROR_INVALID_HANDLE;
import static pagelab.kernel.WinError.ERROR_INVALID_PARAMETER;
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
import static pagelab.kernel.format.Win32Format.bool;
import static pagelab.kernel.format.Win32Format.hex;
import static pagelab.kernel.format.Win32Format.hexSize;

import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.IntByReference;
import pagelab.kernel.LongByReference;
import pagelab.kernel.SECURITY_ATTRIBUTES;
import pagelab.kernel.ThreadProc;
import pagelab.sim.machine.ProcessObject;
import pagelab.sim.machine.SimMachine;
import pagelab.sim.machine.SimProcess;
import pagelab.sim.sync.KernelLock;
import pagelab.sim.thread.KernelObject;
import pagelab.sim.thread.SimThread;
import pagelab.sim.thread.ThreadObject;

/**
 * Chapter 16 and what threads share: CreateThread, GetCurrentThreadStackLimits, WaitForSingleObject, CloseHandle,
 * RaiseException and the Interlocked functions on simulated memory.
 */
final class ThreadCalls {
    private final Calls calls;
    private final SimProcess p;
    private final SimMachine m;
    private final KernelLock lock;

    ThreadCalls(Calls calls) {
        this.calls = calls;
        this.p = calls.p;
        this.m = calls.m;
        this.lock = calls.lock;
    }

    long createThread(SECURITY_ATTRIBUTES lpThreadAttributes, long dwStackSize, ThreadProc lpStartAddress,
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

    void getCurrentThreadStackLimits(LongByReference lowLimit, LongByReference highLimit) {
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

    int waitForSingleObject(long hHandle, int dwMilliseconds) {
        SimThread t = calls.begin();
        KernelObject o = p.handles().get(hHandle);
        int result;
        int err = 0;
        if (!(o instanceof ThreadObject) && !(o instanceof ProcessObject)) {
            err = ERROR_INVALID_HANDLE;
            result = WAIT_FAILED;
        } else {
            try {
                long ms = dwMilliseconds == INFINITE ? -1 : Integer.toUnsignedLong(dwMilliseconds);
                boolean signalled = o instanceof ThreadObject ? ((ThreadObject) o).await(ms)
                        : ((ProcessObject) o).await(ms); // a process is signalled when it ends
                result = signalled ? WAIT_OBJECT_0 : WAIT_TIMEOUT;
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

    boolean closeHandle(long hObject) {
        SimThread t = calls.begin();
        int err = m.faults().check("CloseHandle");
        // -1 is GetCurrentProcess()'s pseudo-handle, not INVALID_HANDLE_VALUE's failure: closing it does nothing
        // and succeeds (GetCurrentProcess on Microsoft Learn; Wine's NtClose); -2 is GetCurrentThread()'s.
        // A handle with HANDLE_FLAG_PROTECT_FROM_CLOSE stays open and the call fails with ERROR_INVALID_HANDLE
        // (NtClose's STATUS_HANDLE_NOT_CLOSABLE; Wine 8 answers the same; under a debugger Windows also raises an
        // exception, which the simulation, having no debugger, does not).
        boolean pseudo = hObject == -1 || hObject == -2;
        if (err == 0 && !pseudo && !p.handles().close(hObject)) {
            err = ERROR_INVALID_HANDLE;
        }
        Calls.finish(t, err);
        if (calls.tracing()) {
            calls.trace(t, "CloseHandle", err, bool(err == 0), false, hex(hObject));
        }
        return err == 0;
    }

    void raiseException(int dwExceptionCode, int dwExceptionFlags, long[] lpArguments) {
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

    int interlockedCompareExchange(long lpDestination, int exchange, int comparand) {
        SimThread t = calls.begin();
        int old = p.simMemory().compareAndExchange(lpDestination, exchange, comparand);
        if (calls.tracing()) {
            calls.trace(t, "InterlockedCompareExchange", 0, Integer.toString(old), false, hex(lpDestination),
                    Integer.toString(exchange), Integer.toString(comparand));
        }
        return old;
    }

    int interlocked(String function, long address, int delta) {
        SimThread t = calls.begin();
        int old = p.simMemory().getAndAdd(address, delta);
        if (calls.tracing()) {
            int result = function.equals("InterlockedExchangeAdd") ? old : old + delta;
            // InterlockedIncrement and InterlockedDecrement take the address alone; only ExchangeAdd has an addend.
            if (function.equals("InterlockedExchangeAdd")) {
                calls.trace(t, function, 0, Integer.toString(result), false, hex(address), Integer.toString(delta));
            } else {
                calls.trace(t, function, 0, Integer.toString(result), false, hex(address));
            }
        }
        return old;
    }
}
