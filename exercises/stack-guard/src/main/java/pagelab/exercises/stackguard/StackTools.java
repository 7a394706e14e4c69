package pagelab.exercises.stackguard;

import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;
import pagelab.kernel.ThreadContext;

/**
 * Three pieces of a C run time's stack support, as chapter 16 describes them, for the calling simulated thread.
 * The stack grows down from {@code thread.stackBase()}; {@code thread.getStackPointer()} is the lowest byte in
 * use. The checker calls each method on the thread whose context it passes.
 */
public interface StackTools {
    /**
     * {@code _chkstk} followed by {@code sub esp, frameSize}: makes room for a frame of {@code frameSize} bytes
     * (positive) below the stack pointer. Touches one byte in every page from the page just below the one holding
     * the stack pointer down to the page holding the new stack pointer, in that order, so that the guard page is
     * always the first page below the committed stack to be touched; then lowers the stack pointer by
     * {@code frameSize}. If a touch raises an exception ({@code EXCEPTION_STACK_OVERFLOW}, an access violation), it
     * goes on to the caller's handlers and the stack pointer is left unchanged.
     */
    void probeAndAllocate(Memory memory, ThreadContext thread, long frameSize);

    /**
     * {@code _resetstkoflw}: after an {@code EXCEPTION_STACK_OVERFLOW} was handled and the stack unwound, makes the
     * page just below the one holding the stack pointer a guard page again ({@code PAGE_READWRITE | PAGE_GUARD}),
     * so that the next overflow is caught too.
     *
     * @return true on success; false, changing nothing, if that page would be the lowest page of the stack's
     *         reservation (no room left) or a call failed
     */
    boolean resetStackOverflow(Kernel32 kernel, ThreadContext thread);

    /**
     * The bytes of the thread's stack reservation that are committed, guard pages included, measured by walking
     * the reservation with {@code VirtualQuery}.
     */
    long committedStackBytes(Kernel32 kernel, ThreadContext thread);
}
