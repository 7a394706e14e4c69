package pagelab.exercises.countzeros;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import pagelab.exercise.CheckContext;
import pagelab.exercise.Msg;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.KernelCall;
import pagelab.kernel.inspect.TraceEvent;

/**
 * One run of the student's {@code countZeros} and what the trace says about it: the views mapped (offsets, sizes,
 * failures), the most bytes mapped at once, what was left mapped or open. A crash is recorded, not thrown, so that
 * each check can judge its own part. Used by one check.
 */
final class Scan {
    static final String DIR = "C:\\PageLab\\";
    static final long GRANULARITY = 64 * 1024;

    final long result;
    final String crash;
    final List<KernelCall> calls = new ArrayList<>();
    final long viewsLeft;

    private Scan(long result, String crash, List<TraceEvent> events, long viewsLeft) {
        this.result = result;
        this.crash = crash;
        for (TraceEvent e : events) {
            if (e instanceof KernelCall k) {
                calls.add(k);
            }
        }
        this.viewsLeft = viewsLeft;
    }

    /** Runs {@code countZeros} in the check's process. */
    static Scan run(CheckContext ctx, ZeroCounter solution, String path, long maxViewBytes) {
        return run(ctx, ctx.kernel32(), ctx.memory(), solution, path, maxViewBytes, ctx.mark());
    }

    static Scan run(CheckContext ctx, Kernel32 kernel, Memory memory, ZeroCounter solution, String path,
                    long maxViewBytes, long mark) {
        long result = -1;
        String crash = null;
        try {
            result = solution.countZeros(kernel, memory, path, maxViewBytes);
        } catch (UnhandledSehException e) {
            crash = Win32Names.exception(e.record());
        }
        return new Scan(result, crash, ctx.machine().inspector().traceSince(mark), -1);
    }

    /** The same scan, with the views left in the process counted from {@code now}. */
    Scan withViewsLeft(AddressSpaceSnapshot now) {
        long left = now.allocations().stream().filter(a -> a.type() == WinNT.MEM_MAPPED).count();
        Scan s = new Scan(result, crash, List.of(), left);
        s.calls.addAll(calls);
        return s;
    }

    List<KernelCall> maps() {
        return calls.stream().filter(k -> k.function().equals("MapViewOfFile")).toList();
    }

    /** The file offset a MapViewOfFile call asked for. */
    static long offset(KernelCall map) {
        return (Win32Names.parseHex(map.arguments().get(2)) << 32) | Win32Names.parseHex(map.arguments().get(3));
    }

    /** The bytes a MapViewOfFile call asked for (0: the rest of the file). */
    static long bytes(KernelCall map) {
        return Win32Names.parseHex(map.arguments().get(4));
    }

    /**
     * The mistake a wrong count or crash shows, as a failure mode: views never unmapped, a view of the whole file,
     * a file whose last (short) block was never mapped, or none of these ("miscount").
     */
    String mistake(long size) {
        long unmaps = calls.stream().filter(k -> k.function().equals("UnmapViewOfFile")).count();
        if (maps().size() > 1 && unmaps == 0) {
            return "never-unmaps";
        }
        if (maps().stream().anyMatch(m -> bytes(m) == 0 || bytes(m) > GRANULARITY * 16)) {
            return "maps-whole-file";
        }
        long end = maps().stream().filter(m -> !m.failed()).mapToLong(m -> offset(m) + bytes(m)).max().orElse(0);
        return end < size ? "drops-tail" : "miscount";
    }

    /** The most bytes of mapped views in the address space right after any call. */
    long peakMappedBytes() {
        long peak = 0;
        for (KernelCall k : calls) {
            if (k.after() != null) {
                long mapped = k.after().allocations().stream().filter(a -> a.type() == WinNT.MEM_MAPPED)
                        .mapToLong(a -> a.size()).sum();
                peak = Math.max(peak, mapped);
            }
        }
        return peak;
    }

    /** Handles from CreateFile and CreateFileMapping that were never closed. */
    Set<String> openHandles() {
        Set<String> open = new HashSet<>();
        for (KernelCall k : calls) {
            if (!k.failed() && (k.function().equals("CreateFile") || k.function().equals("CreateFileMapping"))) {
                open.add(k.result());
            } else if (!k.failed() && k.function().equals("CloseHandle")) {
                open.remove(k.arguments().get(0));
            }
        }
        return open;
    }

    /** "returned 12" or "crashed: EXCEPTION_..." for messages. */
    Msg outcome() {
        return crash != null ? Msg.of("outcome.crashed", "crashed the process with {0}", String.valueOf(crash))
                : Msg.of("outcome.returned", "returned {0}", String.valueOf(result));
    }

    /** File content with a known number of zeros: a zero every {@code period} bytes from offset 0, else 'x'. */
    static byte[] content(int size, int period) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = i % period == 0 ? 0 : (byte) 'x';
        }
        return b;
    }

    static long zerosIn(byte[] b) {
        long n = 0;
        for (byte x : b) {
            n += x == 0 ? 1 : 0;
        }
        return n;
    }
}
