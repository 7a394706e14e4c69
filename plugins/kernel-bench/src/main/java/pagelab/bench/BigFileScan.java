package pagelab.bench;

import static pagelab.kernel.WinNT.CREATE_ALWAYS;
import static pagelab.kernel.WinNT.FILE_ATTRIBUTE_NORMAL;
import static pagelab.kernel.WinNT.FILE_BEGIN;
import static pagelab.kernel.WinNT.FILE_MAP_READ;
import static pagelab.kernel.WinNT.GENERIC_READ;
import static pagelab.kernel.WinNT.GENERIC_WRITE;
import static pagelab.kernel.WinNT.INVALID_HANDLE_VALUE;
import static pagelab.kernel.WinNT.MEM_COMMIT;
import static pagelab.kernel.WinNT.MEM_RESERVE;
import static pagelab.kernel.WinNT.PAGE_READONLY;
import static pagelab.kernel.WinNT.PAGE_READWRITE;

import java.util.Locale;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;

/**
 * Issue 3, a one-shot measurement: the book's big-file technique (chapter 17), counting the zero bytes of a 3 GiB
 * simulated file through 64 KiB views mapped one after another. The file is made sparse (SetFilePointerEx +
 * SetEndOfFile) with one non-zero byte written every 256 MiB, so the expected count is known. Target: under 30 s.
 *
 * <p>Prints {@code key=value} lines for bench/run.sh; {@code bigfile.skipped=...} when the kernel does not
 * implement files or mappings yet. The scan gives up after {@link #GIVE_UP_NANOS} so the script never hangs.
 */
public final class BigFileScan {
    static final long FILE_SIZE = 3L << 30;
    static final int VIEW = 64 * 1024;
    static final long MARK_EVERY = 256L << 20;
    private static final long GIVE_UP_NANOS = 120_000_000_000L;

    private BigFileScan() {
    }

    public static void main(String[] args) {
        try (BenchMachine m = BenchMachine.of("x64", false)) {
            Kernel32 k = m.kernel32();
            if (!KernelFeatures.files(k) || !KernelFeatures.mappings(k)) {
                System.out.println("bigfile.skipped=" + KernelFeatures.notImplemented("Big-file", "CreateFile"));
                return;
            }
            run(k, m.memory());
        }
    }

    private static void run(Kernel32 k, Memory mem) {
        long start = System.nanoTime();
        long file = createSparseFile(k, mem);
        if (file == INVALID_HANDLE_VALUE) {
            return;
        }
        long mapping = k.CreateFileMapping(file, null, PAGE_READONLY, 0, 0, null);
        if (mapping == 0) {
            System.out.println("bigfile.error=CreateFileMapping failed: error " + k.GetLastError());
            return;
        }
        long scanStart = System.nanoTime();
        print("bigfile.setupSeconds", (scanStart - start) / 1e9);
        long zeros = countZeros(k, mem, mapping, scanStart);
        long scanned = System.nanoTime() - scanStart;
        print("bigfile.scanSeconds", scanned / 1e9);
        System.out.println("bigfile.zeros=" + zeros);
        System.out.println("bigfile.expectedZeros=" + (FILE_SIZE - FILE_SIZE / MARK_EVERY));
        k.CloseHandle(mapping);
        k.CloseHandle(file);
    }

    /** A 3 GiB file of zeros except one 0xFF byte at each multiple of 256 MiB; INVALID_HANDLE_VALUE on failure. */
    private static long createSparseFile(Kernel32 k, Memory mem) {
        long h = k.CreateFile("C:\\PageLab\\bench-3GiB.bin", GENERIC_READ | GENERIC_WRITE, 0, null, CREATE_ALWAYS,
                FILE_ATTRIBUTE_NORMAL, 0);
        if (h == INVALID_HANDLE_VALUE) {
            System.out.println("bigfile.error=CreateFile failed: error " + k.GetLastError());
            return h;
        }
        long buffer = k.VirtualAlloc(0, 4096, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
        mem.setByte(buffer, (byte) 0xFF);
        IntByReference written = new IntByReference();
        for (long at = 0; at < FILE_SIZE; at += MARK_EVERY) {
            if (!k.SetFilePointerEx(h, at, null, FILE_BEGIN) || !k.WriteFile(h, buffer, 1, written, 0)) {
                System.out.println("bigfile.error=WriteFile at " + at + " failed: error " + k.GetLastError());
                k.CloseHandle(h);
                return INVALID_HANDLE_VALUE;
            }
        }
        if (!k.SetFilePointerEx(h, FILE_SIZE, null, FILE_BEGIN) || !k.SetEndOfFile(h)) {
            System.out.println("bigfile.error=SetEndOfFile(3 GiB) failed: error " + k.GetLastError());
            k.CloseHandle(h);
            return INVALID_HANDLE_VALUE;
        }
        return h;
    }

    /** Maps, scans and unmaps one 64 KiB view at a time, as the book's example does; -1 on failure. */
    private static long countZeros(Kernel32 k, Memory mem, long mapping, long start) {
        byte[] chunk = new byte[VIEW];
        long zeros = 0;
        for (long offset = 0; offset < FILE_SIZE; offset += VIEW) {
            long view = k.MapViewOfFile(mapping, FILE_MAP_READ, (int) (offset >>> 32), (int) offset, VIEW);
            if (view == 0) {
                System.out.println("bigfile.error=MapViewOfFile at " + offset + " failed: error " + k.GetLastError());
                return -1;
            }
            mem.read(view, chunk, 0, VIEW);
            for (byte b : chunk) {
                if (b == 0) {
                    zeros++;
                }
            }
            k.UnmapViewOfFile(view);
            if (System.nanoTime() - start > GIVE_UP_NANOS) {
                System.out.println("bigfile.gaveUpAtOffset=" + offset);
                return -1;
            }
        }
        return zeros;
    }

    private static void print(String key, double value) {
        System.out.println(key + "=" + String.format(Locale.ROOT, "%.3f", value));
    }
}
