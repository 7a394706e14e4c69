package pagelab.exercises.heapapi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckFailedException;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.HeapInfo;

/**
 * The checker's handle on the student's buffer functions in the check's process: calls that turn a crash into a
 * message naming the call, the checker's own heap set-up, and ground truth about the heaps. One per check run.
 */
final class Probe {
    private final CheckContext ctx;
    private final HeapBuffers lib;
    final Kernel32 k;
    final Memory mem;

    Probe(CheckContext ctx, HeapBuffers lib) {
        this.ctx = ctx;
        this.lib = lib;
        this.k = ctx.kernel32();
        this.mem = ctx.memory();
    }

    // ---------------------------------------------------------------- the student's functions

    long createFixedHeap(long maximumSize) {
        return call("createFixedHeap(" + Win32Names.hex(maximumSize) + ")", () -> lib.createFixedHeap(k, maximumSize));
    }

    long newBuffer(long heap, long bytes) {
        return call("newBuffer(" + bytes + ")", () -> lib.newBuffer(k, heap, bytes));
    }

    long length(long heap, long buffer) {
        return call("length(" + Win32Names.hex(buffer) + ")", () -> lib.length(k, heap, buffer));
    }

    long resize(long heap, long buffer, long bytes) {
        return call("resize(" + Win32Names.hex(buffer) + ", " + bytes + ")", () -> lib.resize(k, heap, buffer, bytes));
    }

    boolean resizeInPlace(long heap, long buffer, long bytes) {
        return call("resizeInPlace(" + Win32Names.hex(buffer) + ", " + bytes + ")",
                () -> lib.resizeInPlace(k, heap, buffer, bytes));
    }

    long newBufferOrZero(long heap, long bytes) {
        return call("newBufferOrZero(" + bytes + ")",
                () -> lib.newBufferOrZero(k, ctx.process().seh(), heap, bytes));
    }

    List<Long> damaged(long heap, List<Long> buffers) {
        List<Long> got = call("damaged(...)", () -> lib.damaged(k, heap, List.copyOf(buffers)));
        return got == null ? null : new ArrayList<>(got);
    }

    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (UnhandledSehException e) {
            boolean noMemory = e.record().ExceptionCode == WinNT.STATUS_NO_MEMORY;
            // A filter that saw STATUS_NO_MEMORY and passed it on tests the wrong code; no filter at all is no __try.
            boolean filtered = noMemory && ctx.faults().stream().anyMatch(f -> f.record().ExceptionCode
                    == WinNT.STATUS_NO_MEMORY && !f.filters().isEmpty());
            throw new CheckFailedException(CheckResult.fail(noMemory
                    ? Msg.of("crash.unhandled", "{0} crashed the process: {1}, which no __except handled.", what,
                            Win32Names.exception(e.record()))
                    : Msg.of("crash", "{0} crashed the process: {1}.", what, Win32Names.exception(e.record())))
                    .hint(filtered ? "wrong-exception-code" : noMemory ? "no-seh" : "foreign-block", filtered
                            ? "Your __except filter saw STATUS_NO_MEMORY (0xC0000017) and passed it on: compare "
                            + "GetExceptionCode() with STATUS_NO_MEMORY, not with another code."
                            : noMemory ? "On a heap created with HEAP_GENERATE_EXCEPTIONS a failed HeapAlloc raises "
                            + "STATUS_NO_MEMORY (0xC0000017) instead of returning NULL: catch it with "
                            + "seh.tryExcept and a filter that handles that code."
                            : "Pass each heap function a block of the heap it came from, and its current address.")
                    .evidence(ctx.traceEvidence()));
        }
    }

    // ---------------------------------------------------------------- the checker's own heap work

    /** A fixed-size heap of the checker's: no front end, so freed memory is found again exactly where it was. */
    long fixedHeap(int options, long maximumSize) {
        long heap = k.HeapCreate(options, 0, maximumSize);
        if (heap == 0) {
            throw new CheckFailedException(CheckResult.error("the checker could not create its heap: "
                    + Win32Names.error(k.GetLastError())));
        }
        return heap;
    }

    /** A block of the checker's, filled with {@code fill}. */
    long block(long heap, long bytes, int fill) {
        long p = k.HeapAlloc(heap, 0, bytes);
        if (p == 0) {
            throw new CheckFailedException(CheckResult.error("the checker could not allocate " + bytes + " bytes"));
        }
        mem.setMemory(p, bytes, (byte) fill);
        return p;
    }

    /** Leaves {@code bytes} of {@code fill} where a block was, and frees it: memory a later block may reuse. */
    void dirtyAndFree(long heap, long bytes, int fill) {
        k.HeapFree(heap, 0, block(heap, bytes, fill));
    }

    /** The heap's record of a block's size: -1 if {@code p} is no busy block of the heap. */
    long sizeOf(long heap, long p) {
        return k.HeapSize(heap, 0, p);
    }

    HeapInfo info(long heap) {
        return ctx.inspector().heaps().stream().filter(h -> h.handle() == heap).findFirst().orElse(null);
    }

    int busyBlocks(long heap) {
        HeapInfo h = info(heap);
        return h == null ? -1 : h.busyBlocks();
    }

    /** The offset of the first byte in [from, to) of {@code p} that is not {@code value}, or -1. */
    long firstNot(long p, long from, long to, int value) {
        byte[] got = new byte[(int) (to - from)];
        mem.read(p + from, got, 0, got.length);
        for (int i = 0; i < got.length; i++) {
            if (got[i] != (byte) value) {
                return from + i;
            }
        }
        return -1;
    }

    boolean holds(long p, long bytes, int value) {
        return firstNot(p, 0, bytes, value) < 0;
    }
}
