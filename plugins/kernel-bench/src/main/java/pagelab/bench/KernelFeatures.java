package pagelab.bench;

import static pagelab.kernel.WinError.ERROR_CALL_NOT_IMPLEMENTED;
import static pagelab.kernel.WinNT.INVALID_HANDLE_VALUE;
import static pagelab.kernel.WinNT.PAGE_READWRITE;

import pagelab.kernel.Kernel32;

/**
 * Which kernel-part-2 families the kernel answers. Part 1 of the simulator answers ERROR_CALL_NOT_IMPLEMENTED
 * (120) for heaps, files and mappings; their benchmarks skip with a message instead of failing.
 *
 * <p>{@code java -cp benchmarks.jar pagelab.bench.KernelFeatures} prints one line per family,
 * {@code heap yes|no}, {@code mapping yes|no}, {@code file yes|no}, for bench/run.sh.
 */
public final class KernelFeatures {
    private KernelFeatures() {
    }

    /** The message a skipped benchmark gives. */
    public static String notImplemented(String family, String call) {
        return family + " benchmarks skipped: " + call + " answers ERROR_CALL_NOT_IMPLEMENTED (120) in this kernel";
    }

    public static boolean heaps(Kernel32 k) {
        long block = k.HeapAlloc(k.GetProcessHeap(), 0, 16);
        if (block != 0) {
            k.HeapFree(k.GetProcessHeap(), 0, block);
            return true;
        }
        return k.GetLastError() != ERROR_CALL_NOT_IMPLEMENTED;
    }

    public static boolean mappings(Kernel32 k) {
        long h = k.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 1 << 16, null);
        if (h != 0) {
            k.CloseHandle(h);
            return true;
        }
        return k.GetLastError() != ERROR_CALL_NOT_IMPLEMENTED;
    }

    public static boolean files(Kernel32 k) {
        k.SetLastError(0);
        boolean ok = k.SetEndOfFile(INVALID_HANDLE_VALUE);
        return ok || k.GetLastError() != ERROR_CALL_NOT_IMPLEMENTED;
    }

    /**
     * Throws with the skip message when {@code supported} is false, so that JMH reports the reason and moves on
     * to the next benchmark.
     */
    public static void require(boolean supported, String family, String call) {
        if (!supported) {
            throw new UnsupportedOperationException(notImplemented(family, call));
        }
    }

    public static void main(String[] args) {
        try (BenchMachine m = BenchMachine.of("x64", false)) {
            Kernel32 k = m.kernel32();
            System.out.println("heap " + (heaps(k) ? "yes" : "no"));
            System.out.println("mapping " + (mappings(k) ? "yes" : "no"));
            System.out.println("file " + (files(k) ? "yes" : "no"));
        }
    }
}
