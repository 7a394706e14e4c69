package pagelab.exercise;

/**
 * An exercise plugin is built wrong: a check method with a bad signature or return type, an unknown or cyclic
 * {@code after}, a missing resource, no checks. The message says what to fix; the host reports it as the plugin's
 * failure and keeps running.
 *
 * @since 0.1
 */
public class InvalidExerciseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidExerciseException(String message) {
        super(message);
    }

    public InvalidExerciseException(String message, Throwable cause) {
        super(message, cause);
    }
}
