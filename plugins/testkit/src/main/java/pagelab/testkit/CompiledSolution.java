package pagelab.testkit;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of compiling a source set.
 *
 * @param success     whether javac reported no error
 * @param diagnostics every message javac gave, errors first as javac orders them
 * @param classesDir  where the class files are (empty when compilation failed)
 * @param classNames  the binary names of every class compiled, nested ones included
 * @param loader      a class loader for them, child of the exercise's loader; null when compilation failed
 * @since 0.1
 */
public record CompiledSolution(boolean success, List<CompileDiagnostic> diagnostics, Path classesDir,
                               List<String> classNames, ClassLoader loader) {
    public CompiledSolution {
        diagnostics = List.copyOf(diagnostics);
        classNames = List.copyOf(classNames);
    }

    /** The errors, one per line, for a failure message. */
    public String errors() {
        StringBuilder b = new StringBuilder();
        for (CompileDiagnostic d : diagnostics) {
            if (d.kind().equals("ERROR")) {
                b.append(d).append('\n');
            }
        }
        return b.toString().stripTrailing();
    }
}
