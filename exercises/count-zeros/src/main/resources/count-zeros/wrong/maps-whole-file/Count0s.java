import static pagelab.kernel.WinNT.*;

import pagelab.exercises.countzeros.ZeroCounter;
import pagelab.kernel.Kernel32;
import pagelab.kernel.LongByReference;
import pagelab.kernel.Memory;
import pagelab.kernel.SYSTEM_INFO;

/**
 * Known-wrong solution "maps-whole-file": maps the whole file in one view, as if the address space were unlimited.
 */
public class Count0s implements ZeroCounter {
    @Override
    public long countZeros(Kernel32 kernel, Memory memory, String path, long maxViewBytes) {
        SYSTEM_INFO sinf = new SYSTEM_INFO();
        kernel.GetSystemInfo(sinf);
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
        // MISTAKE: one view of the whole file; fine for small files, impossible past the free address space.
        long zeros = count(kernel, memory, hMap, size.getValue(), size.getValue());
        kernel.CloseHandle(hMap);
        return zeros;
    }

    // Views of `block` bytes at offsets 0, block, 2 * block, ...: every offset a multiple of the granularity.
    private static long count(Kernel32 kernel, Memory memory, long hMap, long fileSize, long block) {
        long zeros = 0;
        byte[] buffer = new byte[64 * 1024];
        for (long offset = 0; offset < fileSize; offset += block) {
            long bytesInBlock = Math.min(block, fileSize - offset);   // the last block may be short
            long view = kernel.MapViewOfFile(hMap, FILE_MAP_READ, (int) (offset >>> 32), (int) offset, bytesInBlock);
            if (view == 0) {
                return -1;
            }
            for (long done = 0; done < bytesInBlock; done += buffer.length) {
                int n = (int) Math.min(buffer.length, bytesInBlock - done);
                memory.read(view + done, buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    zeros += buffer[i] == 0 ? 1 : 0;
                }
            }
            kernel.UnmapViewOfFile(view);
        }
        return zeros;
    }

    // The largest multiple of the allocation granularity that is at most maxViewBytes (one granule at least).
    private static long blockSize(long maxViewBytes, SYSTEM_INFO sinf) {
        long granularity = sinf.dwAllocationGranularity;
        return Math.max(granularity, maxViewBytes / granularity * granularity);
    }
}
