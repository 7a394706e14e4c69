import static pagelab.kernel.WinNT.*;

import pagelab.exercises.countzeros.ZeroCounter;
import pagelab.kernel.Kernel32;
import pagelab.kernel.LongByReference;
import pagelab.kernel.Memory;
import pagelab.kernel.SYSTEM_INFO;

/**
 // BEGIN SOLUTION
 * The reference solution, after the book's Count0s: one mapping object for the whole file, and a view of at most
 * maxViewBytes that moves along it, each at an offset that is a multiple of the allocation granularity.
 // INSTEAD
 //> * The book's Count0s: count the zero bytes of a file that does not fit in the address space.
 //> * Read the instructions first; each TODO says which Win32 call does the work.
 // END SOLUTION
 */
public class Count0s implements ZeroCounter {
    @Override
    public long countZeros(Kernel32 kernel, Memory memory, String path, long maxViewBytes) {
        SYSTEM_INFO sinf = new SYSTEM_INFO();
        kernel.GetSystemInfo(sinf);
        // BEGIN SOLUTION
        long hFile = kernel.CreateFile(path, GENERIC_READ, FILE_SHARE_READ, null, OPEN_EXISTING,
                FILE_FLAG_SEQUENTIAL_SCAN, 0);
        if (hFile == INVALID_HANDLE_VALUE) {
            return -1;
        }
        LongByReference size = new LongByReference();
        boolean sized = kernel.GetFileSizeEx(hFile, size);
        // The mapping object covers the whole file; only the views must fit in the address space.
        long hMap = sized && size.getValue() > 0 ? kernel.CreateFileMapping(hFile, null, PAGE_READONLY, 0, 0, null) : 0;
        kernel.CloseHandle(hFile);   // the mapping object keeps the file open
        if (!sized || size.getValue() == 0) {
            return sized ? 0 : -1;
        }
        if (hMap == 0) {
            return -1;
        }
        // BEGIN WRONG maps-whole-file, page-size-views
        long zeros = count(kernel, memory, hMap, size.getValue(), blockSize(maxViewBytes, sinf));
        // INSTEAD maps-whole-file
        // MISTAKE: one view of the whole file; fine for small files, impossible past the free address space.
        //> long zeros = count(kernel, memory, hMap, size.getValue(), size.getValue());
        // INSTEAD page-size-views
        // MISTAKE: views of dwPageSize bytes; view offsets must be multiples of dwAllocationGranularity.
        //> long zeros = count(kernel, memory, hMap, size.getValue(), sinf.dwPageSize);
        // END WRONG
        kernel.CloseHandle(hMap);
        return zeros;
        // INSTEAD
        // TODO: open the file for reading (CreateFile, GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING); -1 on failure.
        // TODO: get its size (GetFileSizeEx: it may be more than 4 GiB, keep it in a long).
        // TODO: one mapping object for the whole file: CreateFileMapping(hFile, null, PAGE_READONLY, 0, 0, null).
        //       You may close the file handle now: the mapping keeps the file open.
        // TODO: walk the file in blocks of at most maxViewBytes, each starting at a multiple of
        //       sinf.dwAllocationGranularity: MapViewOfFile(hMap, FILE_MAP_READ, offsetHigh, offsetLow, bytesInBlock),
        //       count the zeros (memory.read the view into a byte[] in chunks), UnmapViewOfFile.
        //       The last block is usually shorter than the others.
        // TODO: close the mapping and return the count.
        //> return -1;
        // END SOLUTION
    }
    // BEGIN SOLUTION

    // tag::loop[]
    // Views of `block` bytes at offsets 0, block, 2 * block, ...: every offset a multiple of the granularity.
    private static long count(Kernel32 kernel, Memory memory, long hMap, long fileSize, long block) {
        long zeros = 0;
        byte[] buffer = new byte[64 * 1024];
        // BEGIN WRONG drops-tail
        for (long offset = 0; offset < fileSize; offset += block) {
            long bytesInBlock = Math.min(block, fileSize - offset);   // the last block may be short
        // INSTEAD
        // MISTAKE: "while a whole block is left": the last, shorter block is skipped.
        //> for (long offset = 0; offset + block <= fileSize; offset += block) {
            //> long bytesInBlock = block;
        // END WRONG
            long view = kernel.MapViewOfFile(hMap, FILE_MAP_READ, (int) (offset >>> 32), (int) offset, bytesInBlock);
            // BEGIN WRONG never-unmaps
            if (view == 0) {
                return -1;
            }
            // END WRONG
            for (long done = 0; done < bytesInBlock; done += buffer.length) {
                int n = (int) Math.min(buffer.length, bytesInBlock - done);
                memory.read(view + done, buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    zeros += buffer[i] == 0 ? 1 : 0;
                }
            }
            // BEGIN WRONG never-unmaps
            kernel.UnmapViewOfFile(view);
            // INSTEAD
            // MISTAKE: no UnmapViewOfFile; every block's view stays mapped.
            // END WRONG
        }
        return zeros;
    }
    // end::loop[]

    // The largest multiple of the allocation granularity that is at most maxViewBytes (one granule at least).
    private static long blockSize(long maxViewBytes, SYSTEM_INFO sinf) {
        // BEGIN WRONG page-rounded-blocks
        long granularity = sinf.dwAllocationGranularity;
        // INSTEAD
        // MISTAKE: the block is rounded to whole pages: with a limit that is not a multiple of 64 KiB, the second
        //          view starts at an offset that is not a multiple of the allocation granularity.
        //> long granularity = sinf.dwPageSize;
        // END WRONG
        return Math.max(granularity, maxViewBytes / granularity * granularity);
    }
    // END SOLUTION
}
