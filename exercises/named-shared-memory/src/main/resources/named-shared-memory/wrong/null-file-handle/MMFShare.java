import static pagelab.kernel.WinError.*;
import static pagelab.kernel.WinNT.*;

import pagelab.exercises.namedsharedmemory.MemoShare;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;

/**
 * Known-wrong solution "null-file-handle": passes NULL instead of INVALID_HANDLE_VALUE as the file handle.
 */
public class MMFShare implements MemoShare {
    private long hFileMap;

    @Override
    public int create(Kernel32 kernel, Memory memory, String text) {
        if (text == null || text.length() >= SIZE || hFileMap != 0) {
            return FAILED;
        }
        // MISTAKE: "no file" written as NULL; CreateFileMapping wants INVALID_HANDLE_VALUE for the paging file.
        long h = kernel.CreateFileMapping(0, null, PAGE_READWRITE, 0, SIZE, NAME);
        if (h == 0) {
            return FAILED;
        }
        // A valid handle with ERROR_ALREADY_EXISTS: another process created it; we got a handle to that object.
        if (kernel.GetLastError() == ERROR_ALREADY_EXISTS) {
            kernel.CloseHandle(h);
            return ALREADY_EXISTS;
        }
        long view = kernel.MapViewOfFile(h, FILE_MAP_READ | FILE_MAP_WRITE, 0, 0, 0);
        if (view == 0) {
            kernel.CloseHandle(h);
            return FAILED;
        }
        memory.setString(view, text);
        // The view can go; the handle keeps the object (and its data) alive.
        kernel.UnmapViewOfFile(view);
        hFileMap = h;
        return CREATED;
    }

    @Override
    public void close(Kernel32 kernel, Memory memory) {
        if (hFileMap != 0) {
            kernel.CloseHandle(hFileMap);
            hFileMap = 0;
        }
    }

    @Override
    public String read(Kernel32 kernel, Memory memory) {
        // OpenFileMapping never creates: it fails with ERROR_FILE_NOT_FOUND if nobody holds the object.
        long h = kernel.OpenFileMapping(FILE_MAP_READ, false, NAME);
        if (h == 0) {
            return null;
        }
        String text = null;
        long view = kernel.MapViewOfFile(h, FILE_MAP_READ, 0, 0, 0);
        if (view != 0) {
            text = memory.getString(view);
            kernel.UnmapViewOfFile(view);
        }
        kernel.CloseHandle(h);
        return text;
    }
}
