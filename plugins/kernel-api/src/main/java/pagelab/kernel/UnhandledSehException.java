package pagelab.kernel;

/**
 * An exception that no {@code __except} filter handled. The simulated process has ended with the exception
 * code as its exit code; this reaches the Java code that drove the faulting thread.
 */
public class UnhandledSehException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient EXCEPTION_RECORD record;

    public UnhandledSehException(EXCEPTION_RECORD record, String message) {
        super(message);
        this.record = record.copy();
    }

    /** The record of the exception that ended the process. */
    public EXCEPTION_RECORD record() {
        return record.copy();
    }
}
