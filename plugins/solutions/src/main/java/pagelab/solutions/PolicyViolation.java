package pagelab.solutions;

/**
 * One use of something a solution may not use, where it happens. Shown to the student like a compile error.
 *
 * @param sourceFile the source file's name as javac recorded it (e.g. {@code Solution.java}), or the class name
 * @param line       the line, or 0 when the class file does not say
 * @param what       what was used, in Java terms: {@code System.exit(int)}, {@code new PrintStream(String)},
 *                   {@code java.io.File}
 * @param reason     why it is refused, in a sentence a student can act on
 * @since 0.2
 */
public record PolicyViolation(String sourceFile, int line, String what, String reason) {

    /** {@code Solution.java:12: System.exit(int) is not allowed: a solution must return its result; ...}. */
    @Override
    public String toString() {
        return sourceFile + (line > 0 ? ":" + line : "") + ": " + what + " is not allowed: " + reason;
    }
}
