package pagelab.kernel;

/**
 * Structured exception handling for the calling thread: {@code __try/__except} and {@code __try/__finally}.
 *
 * <p>A fault inside {@code body}, including inside calls it makes, walks the thread's filters innermost first.
 * {@code EXCEPTION_CONTINUE_EXECUTION} re-executes the faulting access; {@code EXCEPTION_EXECUTE_HANDLER}
 * unwinds to that block, running {@code tryFinally} terminations on the way, and runs its handler. An
 * exception no filter handles ends the process and surfaces as {@link UnhandledSehException}.
 */
public interface Seh {
    void tryExcept(SehBlock body, ExceptionFilter filter, ExceptionHandler handler);

    void tryFinally(SehBlock body, SehBlock termination);

    /**
     * Inside a termination handler: true when the {@code __try} block was left by an exception's unwind
     * rather than by reaching its end ({@code AbnormalTermination()}).
     */
    boolean AbnormalTermination();
}
