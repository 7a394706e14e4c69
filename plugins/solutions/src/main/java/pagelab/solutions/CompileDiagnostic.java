package pagelab.solutions;

/**
 * One compiler message, positioned for an editor gutter.
 *
 * @param file    the source file name, e.g. {@code SparseSpreadsheet.java}; null for a message about no file
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param error   true for an error, false for a warning or note
 * @param message javac's message, one line
 * @since 0.2
 */
public record CompileDiagnostic(String file, long line, long column, boolean error, String message) {

    /** {@code File.java:12:5: error: ...}, as javac prints it. */
    @Override
    public String toString() {
        return (file == null ? "" : file + ":" + line + ":" + column + ": ") + (error ? "error: " : "warning: ")
                + message;
    }
}
