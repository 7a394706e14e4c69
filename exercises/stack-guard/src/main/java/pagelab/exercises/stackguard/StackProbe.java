package pagelab.exercises.stackguard;

import java.util.ArrayList;
import java.util.List;
import pagelab.exercise.CheckContext;
import pagelab.exercise.Msg;
import pagelab.exercise.Win32Names;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.ProcessTerminatedException;
import pagelab.kernel.SehBlock;
import pagelab.kernel.ThreadContext;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.Allocation;
import pagelab.kernel.inspect.Region;

/**
 * The checker's view of the check thread's stack: ground truth about its pages, the checker's own outer
 * {@code __try/__except}, and the checker's own way of running the stack into an overflow. One per check.
 */
final class StackProbe {
    static final long PAGE = 4096;

    private final CheckContext ctx;
    private final ThreadContext thread;

    StackProbe(CheckContext ctx) {
        this.ctx = ctx;
        this.thread = ctx.process().currentThread();
    }

    ThreadContext thread() {
        return thread;
    }

    long top() {
        return thread.stackBase();
    }

    long lowest() {
        return thread.deallocationStack();
    }

    int state(long address) {
        return ctx.page(address).state();
    }

    static long pageOf(long address) {
        return address & ~(PAGE - 1);
    }

    /** {@code 1 page}, {@code 16 pages}, as {@link Win32Names#pages} says it, translatable. */
    static Msg pages(long count) {
        return Msg.of("pages", "{0,choice,0#{0} pages|1#1 page|1<{0} pages}", count);
    }

    /** {@code 1 byte}, {@code 65,536 bytes}, as {@link Win32Names#bytes} says it, translatable. */
    static Msg bytes(long count) {
        return Msg.of("bytes", "{0,choice,0#{0} bytes|1#1 byte|1<{0} bytes}", count);
    }

    /** The guard pages of the stack's reservation, in address order. */
    List<Long> guardPages() {
        List<Long> out = new ArrayList<>();
        Allocation a = ctx.snapshot().allocationAt(top() - 1);
        for (Region r : a.blocks()) {
            if ((r.protect() & WinNT.PAGE_GUARD) != 0) {
                for (long p = r.base(); p < r.end(); p += PAGE) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** The committed bytes of the reservation holding {@code address}, from the inspector. */
    long committedBytes(long address) {
        return ctx.snapshot().allocationAt(address).committedBytes();
    }

    /** Runs {@code body} inside the checker's {@code __try/__except} that handles everything. */
    Outer outer(SehBlock body) {
        EXCEPTION_RECORD[] caught = new EXCEPTION_RECORD[1];
        try {
            ctx.process().seh().tryExcept(body, r -> {
                caught[0] = r.copy();
                return WinNT.EXCEPTION_EXECUTE_HANDLER;
            }, r -> { });
            return new Outer(caught[0], null);
        } catch (UnhandledSehException | ProcessTerminatedException e) {
            return new Outer(null, e.getMessage());
        }
    }

    /**
     * The checker's own descent: touches the stack page by page from below the stack pointer's page until an
     * exception reaches the outer handler (at most the whole reservation). The stack pointer is not moved.
     */
    Outer descend() {
        long from = pageOf(thread.getStackPointer()) - PAGE;
        return outer(() -> {
            for (long p = from; p >= lowest(); p -= PAGE) {
                ctx.memory().getByte(p);
            }
        });
    }

    /** Runs the stack into its first overflow, as a deep recursion would; the stack pointer stays at the top. */
    Outer overflowOnce() {
        return descend();
    }

    /** What reached the outer handler, or null; and why the process died, or null. */
    record Outer(EXCEPTION_RECORD caught, String died) {
        boolean none() {
            return caught == null && died == null;
        }

        boolean caughtCode(int code) {
            return caught != null && caught.ExceptionCode == code;
        }

        /** What reached the handler, translatable: the exception as Win32 names it stays as it is. */
        Msg describe() {
            return died != null ? Msg.of("outer.died", "the process ended: {0}", died)
                    : caught == null ? Msg.of("outer.none", "no exception") : Msg.text(Win32Names.exception(caught));
        }
    }
}
