package pagelab.exercises.memreset;

import static pagelab.exercises.memreset.PageCache.SLOT_SIZE;

import java.util.function.Supplier;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckFailedException;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Machine;
import pagelab.kernel.Memory;
import pagelab.kernel.ProcessTerminatedException;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinNT;

/**
 * The checker's side of one cache: recognisable slot data, calls into the student's code that turn a crash into
 * a message, and memory pressure that pushes the cache's pages out of RAM.
 */
final class CacheProbe {
    static final long PAGE = 4096;

    private final CheckContext ctx;
    private final PageCache cache;
    private final long base;

    private CacheProbe(CheckContext ctx, PageCache cache, long base) {
        this.ctx = ctx;
        this.cache = cache;
        this.base = base;
    }

    static CacheProbe open(CheckContext ctx, PageCache cache) {
        boolean ok = call(ctx, "open", () -> cache.open(ctx.kernel32(), ctx.memory()));
        long base = cache.base();
        if (!ok || base == 0 || ctx.snapshot().allocationAt(base) == null) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("open.expected", "open to return true and base() "
                    + "to name the cache"), Msg.of("open.actual", "open returned {0} and base() {1}",
                    String.valueOf(ok), Win32Names.hex(base)))
                    .hint("open-fails", "VirtualAlloc(0, CACHE_SIZE, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE).")
                    .evidence(ctx.traceEvidence()));
        }
        return new CacheProbe(ctx, cache, base);
    }

    long base() {
        return base;
    }

    long slotAddress(int slot) {
        return base + (long) slot * SLOT_SIZE;
    }

    /** A full slot of bytes that differ from slot to slot and from round to round. */
    static byte[] data(int slot, int round) {
        byte[] b = new byte[SLOT_SIZE];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (slot * 37 + round * 101 + i * 7 + 1);
        }
        return b;
    }

    void put(int slot, byte[] data) {
        call(ctx, "put(" + slot + ", ...)", () -> {
            cache.put(slot, data);
            return null;
        });
    }

    byte[] get(int slot) {
        return call(ctx, "get(" + slot + ")", () -> cache.get(slot));
    }

    void discard(int slot) {
        call(ctx, "discard(" + slot + ")", () -> {
            cache.discard(slot);
            return null;
        });
    }

    void discardAll() {
        call(ctx, "discardAll()", () -> {
            cache.discardAll();
            return null;
        });
    }

    int state(long address) {
        return ctx.page(address).state();
    }

    /** Pages of the cache that are not committed. */
    int uncommittedPages() {
        int n = 0;
        for (int s = 0; s < PageCache.SLOTS; s++) {
            n += state(slotAddress(s)) == WinNT.MEM_COMMIT ? 0 : 1;
        }
        return n;
    }

    /**
     * Another program's demand for RAM: commits and writes one byte in each of as many pages as the machine has
     * RAM, so the least recently used pages (the cache's) must leave RAM. Returns the paging-file writes it caused.
     */
    static long pressure(Machine machine, Kernel32 k, Memory memory) {
        long bytes = machine.config().ramBytes();
        long before = machine.inspector().counters().pageFileWrites();
        long region = k.VirtualAlloc(0, bytes, WinNT.MEM_RESERVE | WinNT.MEM_COMMIT, WinNT.PAGE_READWRITE);
        if (region == 0) {
            throw new IllegalStateException("CacheProbe.pressure: cannot commit " + bytes + " bytes: "
                    + Win32Names.error(k.GetLastError()));
        }
        for (long a = region; a < region + bytes; a += PAGE) {
            memory.setByte(a, (byte) 1);
        }
        return machine.inspector().counters().pageFileWrites() - before;
    }

    long pressure() {
        return pressure(ctx.machine(), ctx.kernel32(), ctx.memory());
    }

    static <T> T call(CheckContext ctx, String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (UnhandledSehException e) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("crash", "{0} crashed the process: {1}.", what,
                    Win32Names.exception(e.record())))
                    .hint("cache-not-committed", "Every page of the cache stays committed for the cache's whole life.")
                    .evidence(ctx.traceEvidence()));
        } catch (ProcessTerminatedException e) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("process-ended", "{0} ran in a process that had "
                    + "ended: {1}", what, e.getMessage())).evidence(ctx.traceEvidence()));
        }
    }
}
