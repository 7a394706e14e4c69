package pagelab.testkit;

import java.util.List;

/**
 * Everything {@link ExerciseVerifier#verify} found about one exercise.
 *
 * @param exerciseId the exercise
 * @param findings   one per verified property, in the order verified
 * @since 0.1
 */
public record VerificationReport(String exerciseId, List<Finding> findings) {
    public VerificationReport {
        findings = List.copyOf(findings);
    }

    /** Whether every finding holds. */
    public boolean ok() {
        return findings.stream().allMatch(Finding::ok);
    }

    /** One line per finding, then a verdict. */
    public String summary() {
        StringBuilder b = new StringBuilder("Verification of " + exerciseId + "\n");
        findings.forEach(f -> b.append(f).append('\n'));
        long bad = findings.stream().filter(f -> !f.ok()).count();
        return b.append(bad == 0 ? "verified" : bad + " problem(s)").toString();
    }
}
