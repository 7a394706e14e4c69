import static pagelab.kernel.WinError.*;
import static pagelab.kernel.WinNT.*;

import pagelab.exercises.namedsharedmemory.MemoShare;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;

/**
 // BEGIN SOLUTION
 * The reference solution, after the book's MMFShare: a named mapping backed by the paging file, created by the first
 * process, opened by name by the others, destroyed when the last handle and view are gone.
 // INSTEAD
 //> * The book's MMFShare: processes share a string through a mapping named MMFSharedData.
 //> * Read the instructions first; each TODO says which Win32 call does the work.
 // END SOLUTION
 */
public class MMFShare implements MemoShare {
    private long hFileMap;

    // tag::create[]
    @Override
    public int create(Kernel32 kernel, Memory memory, String text) {
        // BEGIN SOLUTION
        // BEGIN WRONG forgets-nul
        if (text == null || text.length() >= SIZE || hFileMap != 0) {
        // INSTEAD
        // MISTAKE: counts the characters but not the terminating NUL, so SIZE characters are "accepted".
        //> if (text == null || text.length() > SIZE || hFileMap != 0) {
        // END WRONG
            return FAILED;
        }
        // BEGIN WRONG null-file-handle
        // INVALID_HANDLE_VALUE: no file; the storage comes from the paging file.
        long h = kernel.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, SIZE, NAME);
        // INSTEAD
        // MISTAKE: "no file" written as NULL: Windows takes it too, but the documented value is INVALID_HANDLE_VALUE.
        //> long h = kernel.CreateFileMapping(0, null, PAGE_READWRITE, 0, SIZE, NAME);
        // END WRONG
        if (h == 0) {
            return FAILED;
        }
        // BEGIN WRONG ignores-already-exists
        // A valid handle with ERROR_ALREADY_EXISTS: another process created it; we got a handle to that object.
        if (kernel.GetLastError() == ERROR_ALREADY_EXISTS) {
            kernel.CloseHandle(h);
            return ALREADY_EXISTS;
        }
        // INSTEAD
        // MISTAKE: a non-zero handle does not mean a new object; ERROR_ALREADY_EXISTS goes unnoticed.
        // END WRONG
        long view = kernel.MapViewOfFile(h, FILE_MAP_READ | FILE_MAP_WRITE, 0, 0, 0);
        if (view == 0) {
            kernel.CloseHandle(h);
            return FAILED;
        }
        // BEGIN WRONG leaks-view
        // INSTEAD
        // MISTAKE: the view is never unmapped (and it keeps the mapping object alive on its own).
        // END WRONG
        memory.setString(view, text);
        // BEGIN WRONG leaks-view
        // The view can go; the handle keeps the object (and its data) alive.
        kernel.UnmapViewOfFile(view);
        // END WRONG
        hFileMap = h;
        return CREATED;
        // INSTEAD
        // TODO: refuse null text and text that does not fit in SIZE bytes with its terminating NUL.
        // TODO: CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, SIZE, NAME): storage from the
        //       paging file. 0 means it failed.
        // TODO: if GetLastError() is ERROR_ALREADY_EXISTS, another process made it: close your handle and say so.
        // TODO: MapViewOfFile(..., FILE_MAP_READ | FILE_MAP_WRITE, 0, 0, 0), memory.setString(view, text),
        //       UnmapViewOfFile(view). Keep the mapping handle open in hFileMap.
        //> return FAILED;
        // END SOLUTION
    }
    // end::create[]

    @Override
    public void close(Kernel32 kernel, Memory memory) {
        // BEGIN SOLUTION
        if (hFileMap != 0) {
            // BEGIN WRONG never-closes-handle
            kernel.CloseHandle(hFileMap);
            // INSTEAD
            // MISTAKE: forgetting the handle is not closing it; the object lives on until the process ends.
            // END WRONG
            hFileMap = 0;
        }
        // INSTEAD
        // TODO: close hFileMap (if open) with CloseHandle.
        // END SOLUTION
    }

    // tag::read[]
    @Override
    public String read(Kernel32 kernel, Memory memory) {
        // BEGIN SOLUTION
        // BEGIN WRONG read-creates
        // OpenFileMapping never creates: it fails with ERROR_FILE_NOT_FOUND if nobody holds the object.
        long h = kernel.OpenFileMapping(FILE_MAP_READ, false, NAME);
        // INSTEAD
        // MISTAKE: CreateFileMapping "opens or creates": with no mapping around it makes a new, empty one.
        //> long h = kernel.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, SIZE, NAME);
        // END WRONG
        if (h == 0) {
            return null;
        }
        String text = null;
        long view = kernel.MapViewOfFile(h, FILE_MAP_READ, 0, 0, 0);
        if (view != 0) {
            text = memory.getString(view);
            // BEGIN WRONG leaks-view
            kernel.UnmapViewOfFile(view);
            // END WRONG
        }
        kernel.CloseHandle(h);
        return text;
        // INSTEAD
        // TODO: OpenFileMapping(FILE_MAP_READ, false, NAME); return null if it fails.
        // TODO: map a view, read the string with memory.getString, unmap the view, close the handle.
        //> return null;
        // END SOLUTION
    }
    // end::read[]
}
