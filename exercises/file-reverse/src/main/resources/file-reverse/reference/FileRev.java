import static pagelab.kernel.WinNT.*;

import pagelab.exercises.filereverse.FileReverser;
import pagelab.kernel.Kernel32;
import pagelab.kernel.LongByReference;
import pagelab.kernel.Memory;

/**
 * The reference solution, after the book's FileRev: map the file one byte larger, put a zero at the end, reverse
 * the string, then unmap, close the mapping and cut the file back to its size.
 */
public class FileRev implements FileReverser {
    @Override
    public boolean reverse(Kernel32 kernel, Memory memory, String path) {
        long hFile = kernel.CreateFile(path, GENERIC_READ | GENERIC_WRITE, 0, null, OPEN_EXISTING,
                FILE_ATTRIBUTE_NORMAL, 0);
        if (hFile == INVALID_HANDLE_VALUE) {
            return false;
        }
        LongByReference size = new LongByReference();
        boolean done = kernel.GetFileSizeEx(hFile, size) && reverseMapped(kernel, memory, hFile, size.getValue());
        if (done) {
            // The mapping grew the file by one byte; cut it back. Only possible once no mapping refers to the file.
            kernel.SetFilePointerEx(hFile, size.getValue(), null, FILE_BEGIN);
            kernel.SetEndOfFile(hFile);
        }
        kernel.CloseHandle(hFile);
        return done;
    }

    // tag::mapped[]
    // Maps the file with one extra byte for the terminating zero and reverses it; unmaps and closes before returning.
    private static boolean reverseMapped(Kernel32 kernel, Memory memory, long hFile, long fileSize) {
        long mappingSize = fileSize + 1;
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
}
