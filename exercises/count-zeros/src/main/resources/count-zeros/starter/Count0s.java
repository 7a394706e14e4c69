import static pagelab.kernel.WinNT.*;

import pagelab.exercises.countzeros.ZeroCounter;
import pagelab.kernel.Kernel32;
import pagelab.kernel.LongByReference;
import pagelab.kernel.Memory;
import pagelab.kernel.SYSTEM_INFO;

/**
 * The book's Count0s: count the zero bytes of a file that does not fit in the address space.
 * Read the instructions first; each TODO says which Win32 call does the work.
 */
public class Count0s implements ZeroCounter {
    @Override
    public long countZeros(Kernel32 kernel, Memory memory, String path, long maxViewBytes) {
        SYSTEM_INFO sinf = new SYSTEM_INFO();
        kernel.GetSystemInfo(sinf);
        // TODO: open the file for reading (CreateFile, GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING); -1 on failure.
        // TODO: get its size (GetFileSizeEx: it may be more than 4 GiB, keep it in a long).
        // TODO: one mapping object for the whole file: CreateFileMapping(hFile, null, PAGE_READONLY, 0, 0, null).
        //       You may close the file handle now: the mapping keeps the file open.
        // TODO: walk the file in blocks of at most maxViewBytes, each starting at a multiple of
        //       sinf.dwAllocationGranularity: MapViewOfFile(hMap, FILE_MAP_READ, offsetHigh, offsetLow, bytesInBlock),
        //       count the zeros (memory.read the view into a byte[] in chunks), UnmapViewOfFile.
        //       The last block is usually shorter than the others.
        // TODO: close the mapping and return the count.
        return -1;
    }
}
