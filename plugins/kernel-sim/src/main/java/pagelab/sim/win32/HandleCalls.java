package pagelab.sim.win32;

import static pagelab.kernel.WinError.ERROR_ACCESS_DENIED;
import static pagelab.kernel.WinError.ERROR_FILE_NOT_FOUND;
import static pagelab.kernel.WinError.ERROR_INVALID_HANDLE;
import static pagelab.kernel.WinError.ERROR_INVALID_PARAMETER;
import static pagelab.kernel.WinError.ERROR_NOT_SUPPORTED;
import static pagelab.kernel.WinNT.CREATE_SUSPENDED;
import static pagelab.kernel.WinNT.DUPLICATE_CLOSE_SOURCE;
import static pagelab.kernel.WinNT.DUPLICATE_SAME_ACCESS;
import static pagelab.kernel.WinNT.PROCESS_ALL_ACCESS;
import static pagelab.kernel.WinNT.PROCESS_DUP_HANDLE;
import static pagelab.kernel.WinNT.THREAD_ALL_ACCESS;
import static pagelab.kernel.format.Win32Format.bool;
import static pagelab.kernel.format.Win32Format.hex;

import pagelab.kernel.IntByReference;
import pagelab.kernel.LongByReference;
import pagelab.kernel.PROCESS_INFORMATION;
import pagelab.kernel.SECURITY_ATTRIBUTES;
import pagelab.kernel.STARTUPINFO;
import pagelab.sim.machine.ProcessObject;
import pagelab.sim.machine.SimProcess;
import pagelab.sim.thread.HandleTable;
import pagelab.sim.thread.SimThread;
import pagelab.sim.thread.ThreadObject;

/**
 * Sharing kernel objects without a name (the book's chapter 3, which chapter 17's shared sections rely on):
 * GetCurrentProcess, OpenProcess, DuplicateHandle, Get/SetHandleInformation, CreateProcess with inheritance,
 * GetCommandLine. CloseHandle stays in {@link ThreadCalls}.
 */
final class HandleCalls {
    /** GetCurrentProcess()'s pseudo-handle, (HANDLE)-1. */
    static final long CURRENT_PROCESS = -1L;

    private final Calls c;

    HandleCalls(Calls calls) {
        this.c = calls;
    }

    /** HANDLE_FLAG_INHERIT when the security attributes ask for an inheritable handle. */
    static int inheritFlag(SECURITY_ATTRIBUTES sa) {
        return sa != null && sa.bInheritHandle ? HandleTable.INHERIT : 0;
    }

    /** A process named by a process handle of this process, with the access that handle grants. */
    private record ProcessRef(SimProcess process, int access) {
        boolean may(int right) {
            return access == -1 || (access & right) == right;
        }
    }

    /** The process a handle of the calling process names (the pseudo-handle -1 included), or null. */
    private ProcessRef process(long handle) {
        if (handle == CURRENT_PROCESS) {
            return new ProcessRef(c.p, -1);
        }
        HandleTable.Entry e = c.p.handles().entry(handle);
        if (e == null || !(e.object() instanceof ProcessObject)) {
            return null;
        }
        return new ProcessRef(((ProcessObject) e.object()).process(), e.access());
    }

    long openProcess(int access, boolean inherit, int pid) {
        SimThread t = c.begin();
        int err = c.injected("OpenProcess");
        long handle = 0;
        if (err == 0) {
            SimProcess target = null;
            for (SimProcess q : c.m.simProcesses()) {
                if (q.id() == pid && q.isAlive()) {
                    target = q;
                }
            }
            if (target == null) {
                // No such process: ERROR_INVALID_PARAMETER, not ERROR_FILE_NOT_FOUND (OpenProcess on Microsoft
                // Learn: "If the specified process is the System Idle Process ... the function fails and the last
                // error code is ERROR_INVALID_PARAMETER"; Wine 8 answers 87 for an unused id too).
                err = ERROR_INVALID_PARAMETER;
            } else {
                handle = c.p.handles().add(target.processObject(), access, inherit ? HandleTable.INHERIT : 0);
            }
        }
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "OpenProcess", err, hex(handle), false, hex(access & 0xFFFFFFFFL), bool(inherit),
                    Integer.toString(pid));
        }
        return handle;
    }

    boolean duplicateHandle(long hSourceProcess, long hSource, long hTargetProcess, LongByReference lpTarget,
                            int access, boolean inherit, int options) {
        SimThread t = c.begin();
        int err = c.injected("DuplicateHandle");
        long result = 0;
        if (lpTarget != null) {
            lpTarget.setValue(0); // a failed call leaves NULL there (Wine 8, observed)
        }
        ProcessRef source = err == 0 ? process(hSourceProcess) : null;
        if (err == 0 && source == null) {
            err = ERROR_INVALID_HANDLE;
        } else if (err == 0 && !source.may(PROCESS_DUP_HANDLE)) {
            err = ERROR_ACCESS_DENIED; // both process handles need PROCESS_DUP_HANDLE (DuplicateHandle, Learn)
        }
        HandleTable.Entry entry = null;
        if (err == 0) {
            if (hSource == CURRENT_PROCESS) {
                // the source process's own pseudo-handle becomes a real handle to that process (DuplicateHandle,
                // Microsoft Learn: how a thread gets a handle to its process that another process can use)
                entry = new HandleTable.Entry(source.process().processObject(), PROCESS_ALL_ACCESS);
            } else {
                entry = source.process().handles().entry(hSource);
                if (entry == null) {
                    err = ERROR_INVALID_HANDLE; // Wine 8: FALSE, 6, and NULL stored
                }
            }
        }
        ProcessRef target = null;
        // hTargetProcessHandle NULL with DUPLICATE_CLOSE_SOURCE only closes the source: how a process closes a handle
        // in another one (DuplicateHandle on Microsoft Learn: "can be NULL if the DUPLICATE_CLOSE_SOURCE flag is set")
        boolean closeOnly = hTargetProcess == 0 && (options & DUPLICATE_CLOSE_SOURCE) != 0;
        if (err == 0 && !closeOnly) {
            target = process(hTargetProcess);
            if (target == null) {
                err = ERROR_INVALID_HANDLE;
            } else if (!target.may(PROCESS_DUP_HANDLE)) {
                err = ERROR_ACCESS_DENIED; // Wine 8: a handle with PROCESS_QUERY_INFORMATION only gives 5
            } else if (!target.process().isAlive()) {
                err = ERROR_ACCESS_DENIED; // STATUS_PROCESS_IS_TERMINATING
            }
        }
        if (err == 0 && !closeOnly) {
            // DUPLICATE_SAME_ACCESS ignores dwDesiredAccess. Otherwise the new handle has exactly the access asked
            // for: less restricts it (a FILE_MAP_READ duplicate of a section maps no writable view, Wine 8 and
            // NT's MmMapViewOfSection); more is granted for an object without a security descriptor, such as an
            // unnamed section (Wine 8 grants FILE_MAP_ALL_ACCESS from a FILE_MAP_READ source).
            int newAccess = (options & DUPLICATE_SAME_ACCESS) != 0 ? entry.access() : access;
            // The new handle's attributes: inheritable as bInheritHandle says; HANDLE_FLAG_PROTECT_FROM_CLOSE is not
            // copied (Wine 8; DUPLICATE_SAME_ATTRIBUTES, which would copy it, is NtDuplicateObject's only).
            result = target.process().handles().add(entry.object(), newAccess, inherit ? HandleTable.INHERIT : 0);
            if (lpTarget != null) {
                // lpTarget NULL: the duplicate is made but its value lost, "for backward compatibility" (Learn)
                lpTarget.setValue(result);
            }
        }
        if (source != null && (options & DUPLICATE_CLOSE_SOURCE) != 0 && hSource != CURRENT_PROCESS) {
            // "Closes the source handle. This occurs regardless of any error status returned." (DuplicateHandle on
            // Microsoft Learn). A handle protected from close stays open and the call still succeeds (Wine 8).
            source.process().handles().closeHandle(hSource);
        }
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "DuplicateHandle", err, bool(err == 0), false, hex(hSourceProcess), hex(hSource),
                    hex(hTargetProcess), lpTarget == null ? "NULL" : "&" + hex(result), hex(access & 0xFFFFFFFFL),
                    bool(inherit), hex(options & 0xFFFFFFFFL));
        }
        return err == 0;
    }

    boolean getHandleInformation(long hObject, IntByReference flags) {
        SimThread t = c.begin();
        int err = c.injected("GetHandleInformation");
        int value = 0;
        if (err == 0 && hObject != CURRENT_PROCESS) {
            // the pseudo-handle answers 0 (Wine 8); any other value must be an open handle
            HandleTable.Entry e = c.p.handles().entry(hObject);
            if (e == null) {
                err = ERROR_INVALID_HANDLE;
            } else {
                value = e.flags();
            }
        }
        if (err == 0 && flags == null) {
            err = ERROR_INVALID_PARAMETER; // C would fault writing through NULL; no Java exception here
        }
        if (err == 0) {
            flags.setValue(value);
        }
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "GetHandleInformation", err, bool(err == 0), false, hex(hObject),
                    flags == null ? "NULL" : "&" + hex(value));
        }
        return err == 0;
    }

    boolean setHandleInformation(long hObject, int mask, int flags) {
        SimThread t = c.begin();
        int err = c.injected("SetHandleInformation");
        // Bits of dwMask other than the two flags are ignored (Wine 8 succeeds with dwMask 4).
        if (err == 0 && !c.p.handles().setFlags(hObject, mask, flags)) {
            err = ERROR_INVALID_HANDLE;
        }
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "SetHandleInformation", err, bool(err == 0), false, hex(hObject), hex(mask & 0xFFFFFFFFL),
                    hex(flags & 0xFFFFFFFFL));
        }
        return err == 0;
    }

    boolean createProcess(String app, String cmd, SECURITY_ATTRIBUTES pa, SECURITY_ATTRIBUTES ta, boolean inherit,
                          int creationFlags, String dir, STARTUPINFO si, PROCESS_INFORMATION pi) {
        SimThread t = c.begin();
        int err = c.injected("CreateProcess");
        if (err == 0 && (si == null || pi == null || app == null && (cmd == null || cmd.isBlank()))) {
            err = ERROR_INVALID_PARAMETER; // C would fault on a NULL struct; no Java exception here
        } else if (err == 0 && (creationFlags & CREATE_SUSPENDED) != 0) {
            err = ERROR_NOT_SUPPORTED; // there is no ResumeThread in the simulated API
        }
        SimProcess child = null;
        if (err == 0) {
            String image = app != null ? app : firstToken(cmd);
            String path = c.m.images().resolve(image, false);
            if (path == null && !image.contains(".")) {
                path = c.m.images().resolve(image + ".exe", false); // the command line's module gets ".exe"
            }
            if (path == null) {
                err = ERROR_FILE_NOT_FOUND; // Wine 8: CreateProcess of a missing exe, FALSE and 2
            } else {
                try {
                    child = c.m.createProcess(path, c.p, inherit, cmd != null ? cmd : app);
                } catch (IllegalArgumentException | IllegalStateException e) {
                    err = ERROR_FILE_NOT_FOUND;
                }
            }
        }
        if (err == 0) {
            pi.dwProcessId = child.id();
            pi.hProcess = c.p.handles().add(child.processObject(), PROCESS_ALL_ACCESS, inheritFlag(pa));
            ThreadObject main = child.mainThreadObject();
            if (main != null) {
                pi.hThread = c.p.handles().add(main, THREAD_ALL_ACCESS, inheritFlag(ta));
                pi.dwThreadId = main.thread().threadId();
            }
        }
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "CreateProcess", err, bool(err == 0), false, app == null ? "NULL" : '"' + app + '"',
                    cmd == null ? "NULL" : '"' + cmd + '"', pa == null ? "NULL" : "&pa", ta == null ? "NULL" : "&ta",
                    bool(inherit), hex(creationFlags & 0xFFFFFFFFL), "NULL", dir == null ? "NULL" : '"' + dir + '"',
                    si == null ? "NULL" : "&si", pi == null ? "NULL" : "&pi");
        }
        return err == 0;
    }

    /** The module a command line names: its first token, quoted or ended by a space or tab. */
    static String firstToken(String cmd) {
        String s = cmd.stripLeading();
        if (s.startsWith("\"")) {
            int end = s.indexOf('"', 1);
            return end < 0 ? s.substring(1) : s.substring(1, end);
        }
        int end = 0;
        while (end < s.length() && s.charAt(end) != ' ' && s.charAt(end) != '\t') {
            end++;
        }
        return s.substring(0, end);
    }

    String getCommandLine() {
        SimThread t = c.begin();
        String line = c.p.commandLine();
        if (c.tracing()) {
            c.trace(t, "GetCommandLine", 0, '"' + line + '"', false);
        }
        return line;
    }
}
