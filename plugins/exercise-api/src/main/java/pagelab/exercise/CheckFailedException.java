package pagelab.exercise;

/**
 * Thrown by check code (usually through a {@link CheckContext} helper) to end the check at once with a result,
 * so that helpers can fail a check without every caller testing a return value.
 *
 * @since 0.1
 */
public class CheckFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient CheckResult result;

    /** @param result the check's result; never null */
    public CheckFailedException(CheckResult result) {
        super(result.message(), null, false, false);
        this.result = result;
    }

    public CheckResult result() {
        return result;
    }
}
