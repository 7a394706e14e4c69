import static pagelab.kernel.WinError.*;
import static pagelab.kernel.WinNT.*;

import pagelab.exercises.namedsharedmemory.MemoShare;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;

/**
 * The book's MMFShare: processes share a string through a mapping named MMFSharedData.
 * Read the instructions first; each TODO says which Win32 call does the work.
 */
public class MMFShare implements MemoShare {
    private long hFileMap;

    @Override
    public int create(Kernel32 kernel, Memory memory, String text) {
        // TODO: refuse null text and text that does not fit in SIZE bytes with its terminating NUL.
        // TODO: CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, SIZE, NAME): storage from the
        //       paging file. 0 means it failed.
        // TODO: if GetLastError() is ERROR_ALREADY_EXISTS, another process made it: close your handle and say so.
        // TODO: MapViewOfFile(..., FILE_MAP_READ | FILE_MAP_WRITE, 0, 0, 0), memory.setString(view, text),
        //       UnmapViewOfFile(view). Keep the mapping handle open in hFileMap.
        return FAILED;
    }

    @Override
    public void close(Kernel32 kernel, Memory memory) {
        // TODO: close hFileMap (if open) with CloseHandle.
    }

    @Override
    public String read(Kernel32 kernel, Memory memory) {
        // TODO: OpenFileMapping(FILE_MAP_READ, false, NAME); return null if it fails.
        // TODO: map a view, read the string with memory.getString, unmap the view, close the handle.
        return null;
    }
}
