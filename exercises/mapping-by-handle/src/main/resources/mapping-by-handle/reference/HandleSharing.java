import static pagelab.kernel.WinNT.*;

import pagelab.exercises.mappingbyhandle.HandleShare;
import pagelab.kernel.Kernel32;
import pagelab.kernel.LongByReference;
import pagelab.kernel.Memory;
import pagelab.kernel.PROCESS_INFORMATION;
import pagelab.kernel.SECURITY_ATTRIBUTES;
import pagelab.kernel.STARTUPINFO;

/**
 // BEGIN SOLUTION
 * The reference solution: an unnamed paging-file section reaches a child through an inherited handle whose value
 * travels on the command line (the book's chapter 3), and a running process through DuplicateHandle with less access.
 // INSTEAD
 //> * Share a section without a name: by inheritance and by DuplicateHandle.
 //> * Read the instructions first; each TODO says which Win32 call does the work.
 // END SOLUTION
 */
public class HandleSharing implements HandleShare {
    private long hKept;

    // tag::startChild[]
    @Override
    public int startChild(Kernel32 kernel, Memory memory, String text) {
        // BEGIN SOLUTION
        if (text == null || text.length() >= SIZE || hKept != 0) {
            return 0;
        }
        SECURITY_ATTRIBUTES sa = new SECURITY_ATTRIBUTES();
        sa.bInheritHandle = true; // CreateProcess(bInheritHandles TRUE) copies only inheritable handles
        // BEGIN WRONG not-inheritable
        long h = kernel.CreateFileMapping(INVALID_HANDLE_VALUE, sa, PAGE_READWRITE, 0, SIZE, null);
        // INSTEAD
        // MISTAKE: NULL security attributes make a handle that is not inheritable: the child gets nothing.
        //> long h = kernel.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, SIZE, null);
        // END WRONG
        if (h == 0) {
            return 0;
        }
        if (!store(kernel, memory, h, text)) {
            kernel.CloseHandle(h);
            return 0;
        }
        // The child's handle has the same value as ours: tell it on the command line, in decimal.
        String commandLine = "\"" + CHILD_EXE + "\" " + h;
        STARTUPINFO si = new STARTUPINFO();
        PROCESS_INFORMATION pi = new PROCESS_INFORMATION();
        if (!kernel.CreateProcess(null, commandLine, null, null, true, 0, 0, null, si, pi)) {
            kernel.CloseHandle(h);
            return 0;
        }
        // BEGIN WRONG keeps-process-handles
        // We never wait for the child here: its process and thread handles can go at once.
        kernel.CloseHandle(pi.hThread);
        kernel.CloseHandle(pi.hProcess);
        // INSTEAD
        // MISTAKE: hProcess and hThread are handles too; each keeps a kernel object until it is closed.
        // END WRONG
        // BEGIN WRONG stays-inheritable
        // The child has its copy; children started later must not get one.
        kernel.SetHandleInformation(h, HANDLE_FLAG_INHERIT, 0);
        // INSTEAD
        // MISTAKE: the handle stays inheritable, so every later CreateProcess(bInheritHandles TRUE) hands it out.
        // END WRONG
        hKept = h;
        return pi.dwProcessId;
        // INSTEAD
        // TODO: refuse null text and text that does not fit in SIZE bytes with its NUL (return 0).
        // TODO: a SECURITY_ATTRIBUTES with bInheritHandle = true; CreateFileMapping(INVALID_HANDLE_VALUE, sa,
        //       PAGE_READWRITE, 0, SIZE, null). Store the text through a view, then unmap the view.
        // TODO: CreateProcess(null, "\"" + CHILD_EXE + "\" " + h, null, null, true, 0, 0, null, new STARTUPINFO(),
        //       pi); close pi.hThread and pi.hProcess.
        // TODO: SetHandleInformation(h, HANDLE_FLAG_INHERIT, 0); keep h for close; return pi.dwProcessId.
        //> return 0;
        // END SOLUTION
    }
    // end::startChild[]

    // tag::readInherited[]
    @Override
    public String readInherited(Kernel32 kernel, Memory memory) {
        // BEGIN SOLUTION
        String commandLine = kernel.GetCommandLine();
        if (commandLine == null) {
            return null;
        }
        long h;
        try {
            h = Long.parseLong(commandLine.substring(commandLine.lastIndexOf(' ') + 1).trim());
        } catch (NumberFormatException e) {
            return null;
        }
        String text = read(kernel, memory, h);
        kernel.CloseHandle(h);
        return text;
        // INSTEAD
        // TODO: the handle's value is the last word of GetCommandLine() (Long.parseLong).
        // TODO: map a FILE_MAP_READ view, memory.getString(view), unmap the view, close the handle.
        //> return null;
        // END SOLUTION
    }
    // end::readInherited[]

    // tag::sendTo[]
    @Override
    public long sendTo(Kernel32 kernel, Memory memory, String text, int targetProcessId) {
        // BEGIN SOLUTION
        if (text == null || text.length() >= SIZE) {
            return 0;
        }
        long hTarget = kernel.OpenProcess(PROCESS_DUP_HANDLE, false, targetProcessId);
        if (hTarget == 0) {
            return 0;
        }
        long h = kernel.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, SIZE, null);
        LongByReference inTarget = new LongByReference();
        boolean sent = false;
        if (h != 0 && store(kernel, memory, h, text)) {
            // BEGIN WRONG duplicates-into-self, same-access
            // FILE_MAP_READ only: the other process may map read-only views, never a writable one.
            sent = kernel.DuplicateHandle(kernel.GetCurrentProcess(), h, hTarget, inTarget, FILE_MAP_READ, false, 0);
            // INSTEAD duplicates-into-self
            // MISTAKE: the target is our own process: the new value is a handle of ours, not of the other process.
            //> sent = kernel.DuplicateHandle(kernel.GetCurrentProcess(), h, kernel.GetCurrentProcess(), inTarget,
            //>         FILE_MAP_READ, false, 0);
            // INSTEAD same-access
            // MISTAKE: DUPLICATE_SAME_ACCESS copies our FILE_MAP_ALL_ACCESS: the other process may change the data.
            //> sent = kernel.DuplicateHandle(kernel.GetCurrentProcess(), h, hTarget, inTarget, 0, false,
            //>         DUPLICATE_SAME_ACCESS);
            // END WRONG
        }
        // BEGIN WRONG keeps-section-handle
        // The target's handle keeps the section alive; ours is not needed any more.
        if (h != 0) {
            kernel.CloseHandle(h);
        }
        // INSTEAD
        // MISTAKE: our own handle to the section stays open: the section outlives the target's handle.
        //> if (h != 0 && !sent) {
        //>     kernel.CloseHandle(h);
        //> }
        // END WRONG
        // BEGIN WRONG keeps-process-handles
        kernel.CloseHandle(hTarget);
        // END WRONG
        return sent ? inTarget.getValue() : 0;
        // INSTEAD
        // TODO: refuse null text and text that does not fit (return 0).
        // TODO: OpenProcess(PROCESS_DUP_HANDLE, false, targetProcessId); 0 means there is no such process.
        // TODO: CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, SIZE, null); store the text.
        // TODO: DuplicateHandle(GetCurrentProcess(), h, hTarget, inTarget, FILE_MAP_READ, false, 0).
        // TODO: close h and hTarget; return inTarget.getValue() (0 if anything failed).
        //> return 0;
        // END SOLUTION
    }
    // end::sendTo[]

    @Override
    public String receive(Kernel32 kernel, Memory memory, long hMapping) {
        // BEGIN SOLUTION
        String text = read(kernel, memory, hMapping);
        kernel.CloseHandle(hMapping);
        return text;
        // INSTEAD
        // TODO: map a FILE_MAP_READ view of hMapping, read the string, unmap the view, close the handle.
        //> return null;
        // END SOLUTION
    }

    @Override
    public void close(Kernel32 kernel, Memory memory) {
        // BEGIN SOLUTION
        if (hKept != 0) {
            kernel.CloseHandle(hKept);
            hKept = 0;
        }
        // INSTEAD
        // TODO: close the handle startChild kept, if any.
        // END SOLUTION
    }
    // BEGIN SOLUTION

    /** Copies the text and its NUL to the start of the section through a view of its own. */
    private static boolean store(Kernel32 kernel, Memory memory, long h, String text) {
        long view = kernel.MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, 0);
        if (view == 0) {
            return false;
        }
        memory.setString(view, text);
        kernel.UnmapViewOfFile(view);
        return true;
    }

    /** The string at the start of the section, through a read-only view; null if the handle maps nothing. */
    private static String read(Kernel32 kernel, Memory memory, long h) {
        long view = kernel.MapViewOfFile(h, FILE_MAP_READ, 0, 0, 0);
        if (view == 0) {
            return null;
        }
        String text = memory.getString(view);
        kernel.UnmapViewOfFile(view);
        return text;
    }
    // END SOLUTION
}
