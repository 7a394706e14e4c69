import static pagelab.kernel.WinNT.*;

import pagelab.exercises.filereverse.FileReverser;
import pagelab.kernel.Kernel32;
import pagelab.kernel.LongByReference;
import pagelab.kernel.Memory;

/**
 // BEGIN SOLUTION
 * The reference solution, after the book's FileRev: map the file one byte larger, put a zero at the end, reverse
 * the string, then unmap, close the mapping and cut the file back to its size.
 // INSTEAD
 //> * The book's FileRev: reverse a text file in place through a memory-mapped view.
 //> * Read the instructions first; each TODO says which Win32 call does the work.
 // END SOLUTION
 */
public class FileRev implements FileReverser {
    @Override
    public boolean reverse(Kernel32 kernel, Memory memory, String path) {
        // BEGIN SOLUTION
        long hFile = kernel.CreateFile(path, GENERIC_READ | GENERIC_WRITE, 0, null, OPEN_EXISTING,
                FILE_ATTRIBUTE_NORMAL, 0);
        if (hFile == INVALID_HANDLE_VALUE) {
            return false;
        }
        LongByReference size = new LongByReference();
        boolean done = kernel.GetFileSizeEx(hFile, size) && reverseMapped(kernel, memory, hFile, size.getValue());
        // BEGIN WRONG forgets-set-end-of-file, truncates-while-mapped
        if (done) {
            // The mapping grew the file by one byte; cut it back. Only possible once no mapping refers to the file.
            kernel.SetFilePointerEx(hFile, size.getValue(), null, FILE_BEGIN);
            kernel.SetEndOfFile(hFile);
        }
        // INSTEAD forgets-set-end-of-file
        // MISTAKE: the mapping grew the file by one byte, and nothing cuts it back.
        // END WRONG
        // BEGIN WRONG leaks-file-handle
        kernel.CloseHandle(hFile);
        // INSTEAD
        // MISTAKE: the file handle is never closed; the file stays open (and locked: share mode 0).
        // END WRONG
        return done;
        // INSTEAD
        // TODO: open the file for reading and writing: CreateFile(path, GENERIC_READ | GENERIC_WRITE, 0, null,
        //       OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, 0). INVALID_HANDLE_VALUE means it failed: return false.
        // TODO: get its size with GetFileSizeEx.
        // TODO: create a mapping ONE BYTE LARGER than the file (room for the terminating zero) and map a view.
        // TODO: store 0 after the last byte, then reverse the string in place (as _strrev does).
        // TODO: unmap the view and close the mapping; only then cut the file back to its size with
        //       SetFilePointerEx(hFile, size, null, FILE_BEGIN) and SetEndOfFile(hFile); close the file.
        //> return false;
        // END SOLUTION
    }
    // BEGIN SOLUTION

    // tag::mapped[]
    // Maps the file with one extra byte for the terminating zero and reverses it; unmaps and closes before returning.
    private static boolean reverseMapped(Kernel32 kernel, Memory memory, long hFile, long fileSize) {
        // BEGIN WRONG maps-exact-size
        long mappingSize = fileSize + 1;
        // INSTEAD
        // MISTAKE: "the mapping is the file": no room for the terminating zero.
        //> long mappingSize = fileSize;
        // END WRONG
        long hMap = kernel.CreateFileMapping(hFile, null, PAGE_READWRITE, (int) (mappingSize >>> 32),
                (int) mappingSize, null);
        if (hMap == 0) {
            return false;
        }
        long view = kernel.MapViewOfFile(hMap, FILE_MAP_WRITE, 0, 0, 0);
        if (view == 0) {
            kernel.CloseHandle(hMap);
            return false;
        }
        memory.setByte(view + fileSize, (byte) 0);   // the extra byte: the string's terminating zero
        strrev(memory, view);
        // BEGIN WRONG truncates-while-mapped
        // INSTEAD
        // MISTAKE: restore the size right away, while the view and the mapping still refer to the file
        // (SetEndOfFile fails with ERROR_USER_MAPPED_FILE, and the result is not checked).
        //> kernel.SetFilePointerEx(hFile, fileSize, null, FILE_BEGIN);
        //> kernel.SetEndOfFile(hFile);
        // END WRONG
        kernel.UnmapViewOfFile(view);
        kernel.CloseHandle(hMap);
        return true;
    }
    // end::mapped[]

    // _strrev: swap bytes from both ends of the zero-terminated string towards the middle.
    private static void strrev(Memory memory, long s) {
        long end = s;
        while (memory.getByte(end) != 0) {
            end++;
        }
        for (long lo = s, hi = end - 1; lo < hi; lo++, hi--) {
            byte b = memory.getByte(lo);
            memory.setByte(lo, memory.getByte(hi));
            memory.setByte(hi, b);
        }
    }
    // END SOLUTION
}
