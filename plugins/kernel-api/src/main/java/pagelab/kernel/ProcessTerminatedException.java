package pagelab.kernel;

/**
 * Thrown to a Java thread that runs as a thread of a simulated process which has ended (it called
 * {@code terminate}, another thread's exception was unhandled, or the kernel ended it). Nothing of the
 * process runs after its end, as on Windows; this unwinds the Java stack of its threads.
 */
public class ProcessTerminatedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public ProcessTerminatedException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
