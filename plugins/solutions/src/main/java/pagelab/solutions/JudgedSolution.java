package pagelab.solutions;

import java.util.Map;

/**
 * A solution's class files that the {@link SolutionPolicy} has judged and allowed, for the exercise whose
 * student-facing types are {@code api}. Only the policy makes one ({@link SolutionPolicy#judge}), so a
 * {@link StudentClassLoader} made from one never defines a class the policy has not seen. Immutable.
 *
 * @since 0.2
 */
public final class JudgedSolution {
    private final Map<String, byte[]> classes;
    private final StudentApi api;
    private final PolicyRules rules;

    JudgedSolution(Map<String, byte[]> classes, StudentApi api, PolicyRules rules) {
        this.classes = Map.copyOf(classes);
        this.api = api;
        this.rules = rules;
    }

    /** The class files by binary name (the arrays are the loader's: do not change them). */
    Map<String, byte[]> classes() {
        return classes;
    }

    /** What of the exercise the solution was judged against. */
    public StudentApi api() {
        return api;
    }

    PolicyRules rules() {
        return rules;
    }
}
