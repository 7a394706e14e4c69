package pagelab.kernel;

/**
 * The part of a simulated thread's context and TEB ({@code NT_TIB}) that stack exercises need.
 * Stack addresses grow down: {@link #stackBase()} is the top (one past the highest stack byte),
 * {@link #stackLimit()} the lowest committed stack address, {@link #deallocationStack()} the reservation's base.
 */
public interface ThreadContext {
    /** The simulated thread id, as {@code GetCurrentThreadId} reports it. */
    int threadId();

    /** The stack pointer (ESP/RSP). Starts at {@link #stackBase()}. */
    long getStackPointer();

    /** Moves the stack pointer; touching the memory below it is the program's business, as in C. */
    void setStackPointer(long sp);

    /** {@code NT_TIB.StackBase}: the top of the stack region. */
    long stackBase();

    /** {@code NT_TIB.StackLimit}: the lowest committed page of the stack, moving down as the stack grows. */
    long stackLimit();

    /** {@code TEB.DeallocationStack}: the base of the stack's reservation. */
    long deallocationStack();
}
