package pagelab.testkit;

/**
 * One compiler message, positioned as an editor shows it.
 *
 * @param file    the source file name, e.g. {@code SparseSpreadsheet.java}; empty if the message has no file
 * @param line    1-based line, or -1
 * @param column  1-based column, or -1
 * @param kind    {@code ERROR}, {@code WARNING}, {@code MANDATORY_WARNING}, {@code NOTE} or {@code OTHER}
 * @param message the compiler's text
 * @since 0.1
 */
public record CompileDiagnostic(String file, long line, long column, String kind, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + kind.toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
