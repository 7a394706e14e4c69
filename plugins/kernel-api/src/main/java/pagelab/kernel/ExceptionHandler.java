package pagelab.kernel;

/** The body of an {@code __except} block; it runs after the stack has been unwound to its {@code __try}. */
@FunctionalInterface
public interface ExceptionHandler {
    void handle(EXCEPTION_RECORD record);
}
