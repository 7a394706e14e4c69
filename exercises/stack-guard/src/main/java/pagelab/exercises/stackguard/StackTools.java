package pagelab.exercises.stackguard;

import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;
import pagelab.kernel.Seh;
import pagelab.kernel.SehBlock;
import pagelab.kernel.ThreadContext;

/**
 * Pieces of a C run time's stack support, as chapter 16 describes them, for the calling simulated thread.
 * The stack grows down from {@code thread.stackBase()} (the high limit of {@code GetCurrentThreadStackLimits});
 * {@code thread.getStackPointer()} is the lowest byte in use. The checker calls each method on the thread whose
 * context it passes, from that thread.
 */
public interface StackTools {
    /** {@link #classifyStackFault}: the body ran to its end. */
    int NO_STACK_FAULT = 0;
    /** {@link #classifyStackFault}: the body ran out of stack ({@code EXCEPTION_STACK_OVERFLOW}). */
    int STACK_OVERFLOW = 1;
    /** {@link #classifyStackFault}: the body touched memory above the stack and got an access violation. */
    int STACK_UNDERFLOW = 2;

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

    /**
     * Stack underflow: an access above the stack's high end lands in whatever region lies there, silently if that
     * region is committed. Reserves ({@code MEM_RESERVE} only, nothing committed) one allocation granularity of
     * address space starting exactly at {@code thread.stackBase()}, so that any access there raises an access
     * violation.
     *
     * @return the base of the new reservation (the stack's high end); 0, changing nothing, if that range is not
     *         free (another region already lies right above the stack) or the call failed
     */
    long reserveAboveStack(Kernel32 kernel, ThreadContext thread);

    /**
     * Runs {@code body} inside a {@code __try/__except} whose filter tells the thread's stack faults apart:
     * {@code EXCEPTION_STACK_OVERFLOW} is handled as {@link #STACK_OVERFLOW}; an {@code EXCEPTION_ACCESS_VIOLATION}
     * whose faulting address ({@code ExceptionInformation[1]}) is at or above {@code thread.stackBase()} is handled
     * as {@link #STACK_UNDERFLOW}; every other exception goes on to the caller's handlers
     * ({@code EXCEPTION_CONTINUE_SEARCH}).
     *
     * @return {@link #NO_STACK_FAULT} when the body ran to its end, else the kind of stack fault handled
     */
    int classifyStackFault(Seh seh, ThreadContext thread, SehBlock body);
}
