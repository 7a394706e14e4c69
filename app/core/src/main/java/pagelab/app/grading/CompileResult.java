package pagelab.app.grading;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of compiling a solution.
 *
 * @param success     whether class files were produced
 * @param diagnostics errors first, then warnings, each in source order
 * @param classesDir  the folder holding the class files; null on failure
 * @param classNames  binary names of the classes compiled, e.g. {@code SparseSpreadsheet$Cell}
 */
public record CompileResult(boolean success, List<CompileDiagnostic> diagnostics, Path classesDir,
                            List<String> classNames) {
    public CompileResult {
        diagnostics = List.copyOf(diagnostics);
        classNames = List.copyOf(classNames);
    }

    /** The errors only. */
    public List<CompileDiagnostic> errors() {
        return diagnostics.stream().filter(CompileDiagnostic::error).toList();
    }

    /** The first error as one line, for a check's failure message. */
    public String summary() {
        List<CompileDiagnostic> errors = errors();
        if (errors.isEmpty()) {
            return "compiled";
        }
        return "The solution does not compile: " + errors.get(0)
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more errors)" : "");
    }
}
