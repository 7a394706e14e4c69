package pagelab.exercise;

import java.util.List;

/**
 * The results of grading one solution: plain data that serialises to JSON.
 *
 * @param exerciseId the exercise
 * @param seed       the seed every check's machine was created with
 * @param results    one scored result per check, in run order
 * @since 0.1
 */
public record GradeReport(String exerciseId, long seed, List<CheckResult> results) {
    public GradeReport {
        results = List.copyOf(results);
    }

    /** Points awarded. */
    public int points() {
        return results.stream().mapToInt(CheckResult::points).sum();
    }

    /** Points available. */
    public int maxPoints() {
        return results.stream().mapToInt(CheckResult::maxPoints).sum();
    }

    /** Whether every check awarded all its points. */
    public boolean fullScore() {
        return results.stream().allMatch(r -> r.status() == CheckStatus.PASS);
    }

    /** The result of check {@code id}, or null. */
    public CheckResult result(String id) {
        return results.stream().filter(r -> id.equals(r.checkId())).findFirst().orElse(null);
    }

    /** The ids of the checks that did not award all their points. */
    public List<String> notPassed() {
        return results.stream().filter(r -> r.status() != CheckStatus.PASS).map(CheckResult::checkId).toList();
    }
}
