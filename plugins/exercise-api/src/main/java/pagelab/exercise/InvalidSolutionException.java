package pagelab.exercise;

/**
 * The student's classes contain no usable solution class (none or several implement the solution interface).
 * The message is written for the student.
 *
 * @since 0.1
 */
public class InvalidSolutionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidSolutionException(String message) {
        super(message);
    }
}
