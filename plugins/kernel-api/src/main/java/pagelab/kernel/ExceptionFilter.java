package pagelab.kernel;

/**
 * The filter expression of {@code __except (filter)}. Returns {@link WinNT#EXCEPTION_EXECUTE_HANDLER},
 * {@link WinNT#EXCEPTION_CONTINUE_SEARCH} or {@link WinNT#EXCEPTION_CONTINUE_EXECUTION}. It runs at the
 * fault, before any unwinding, on the faulting thread.
 */
@FunctionalInterface
public interface ExceptionFilter {
    int filter(EXCEPTION_RECORD record);
}
