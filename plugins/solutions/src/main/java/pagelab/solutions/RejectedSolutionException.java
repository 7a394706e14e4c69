package pagelab.solutions;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A solution the {@link SolutionPolicy} refuses to run: its message lists each use it refuses, one per line, as
 * compile errors are listed.
 *
 * @since 0.2
 */
public final class RejectedSolutionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<PolicyViolation> violations;

    public RejectedSolutionException(List<PolicyViolation> violations) {
        super("The solution uses what a solution may not:\n" + violations.stream().map(PolicyViolation::toString)
                .collect(Collectors.joining("\n")));
        this.violations = List.copyOf(violations);
    }

    public List<PolicyViolation> violations() {
        return violations;
    }
}
