package pagelab.solutions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A solution after {@link SolutionCompiler}: javac's messages, the solution policy's verdict, and the class files.
 * Only a {@linkplain #runnable() runnable} solution may be loaded and run.
 *
 * @param diagnostics errors first, then warnings, each in source order
 * @param violations  what the classes use that a solution may not ({@link SolutionPolicy}); empty when they
 *                    did not compile
 * @param classesDir  the folder holding the class files; null when javac failed
 * @param classNames  binary names of the classes compiled, e.g. {@code SparseSpreadsheet$Cell}
 * @param translations {@code diagnostics} in each language the compile rendered them in besides English, item for
 *                    item (see {@link #in(Locale)})
 * @since 0.2
 */
public record CompiledSolution(List<CompileDiagnostic> diagnostics, List<PolicyViolation> violations,
                               Path classesDir, List<String> classNames,
                               Map<Locale, List<CompileDiagnostic>> translations) {
    public CompiledSolution {
        diagnostics = List.copyOf(diagnostics);
        violations = List.copyOf(violations);
        classNames = List.copyOf(classNames);
        translations = Map.copyOf(translations);
    }

    /** With javac's messages in English only. */
    public CompiledSolution(List<CompileDiagnostic> diagnostics, List<PolicyViolation> violations, Path classesDir,
                            List<String> classNames) {
        this(diagnostics, violations, classesDir, classNames, Map.of());
    }

    /**
     * This solution with javac's messages in {@code language}, for a student who reads it; empty when the compile
     * did not render them in it ({@link SolutionCompiler#compile(pagelab.exercise.SourceSet, StudentApi, List)}).
     */
    public Optional<CompiledSolution> in(Locale language) {
        return Optional.ofNullable(translations.get(language))
                .map(translated -> new CompiledSolution(translated, violations, classesDir, classNames));
    }

    /** Whether javac produced class files. */
    public boolean compiled() {
        return classesDir != null;
    }

    /** Whether the solution compiled and the policy allows all it uses. */
    public boolean runnable() {
        return compiled() && violations.isEmpty();
    }

    /** Compiled, but refused by the solution policy. */
    public boolean rejected() {
        return compiled() && !violations.isEmpty();
    }

    /** javac's errors only. */
    public List<CompileDiagnostic> errors() {
        return diagnostics.stream().filter(CompileDiagnostic::error).toList();
    }

    /**
     * javac's messages followed by the policy's refusals as errors, each at its line: what an editor marks in its
     * gutter.
     */
    public List<CompileDiagnostic> markers() {
        List<CompileDiagnostic> out = new ArrayList<>(diagnostics);
        for (PolicyViolation v : violations) {
            out.add(new CompileDiagnostic(v.sourceFile(), v.line(), 0, true, v.what() + " is not allowed: "
                    + v.reason()));
        }
        return List.copyOf(out);
    }

    /** Why the solution cannot run, in one line for a check's message; "compiled" when it can. */
    public String summary() {
        List<CompileDiagnostic> errors = errors();
        if (!errors.isEmpty()) {
            return "The solution does not compile: " + errors.get(0)
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more errors)" : "");
        }
        if (!violations.isEmpty()) {
            return "The solution uses what a solution may not: " + violations.get(0)
                    + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "");
        }
        return "compiled";
    }
}
