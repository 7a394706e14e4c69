package pagelab.app.grading;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import pagelab.app.results.ReportText;
import pagelab.exercise.CheckResult;
import pagelab.exercise.CheckStatus;
import pagelab.exercise.GradeReport;
import pagelab.solutions.CompiledSolution;

/**
 * Everything about one graded solution: what was graded (hashes), by which plugin, how it compiled and whether the
 * solution policy let it run, the checks' results, how each check's run ended and what the solution printed.
 * Immutable plain data.
 *
 * @param exerciseId    the exercise
 * @param pluginId      the plugin that provided it
 * @param pluginVersion that plugin's version
 * @param sourcesSha256 the SHA-256 of the graded sources (see {@code Hashes.sha256(SourceSet)})
 * @param compile       the compiler's outcome and the policy's verdict
 * @param report        one scored result per check (all failed when the solution could not run)
 * @param outcomes      per check id, how its run ended
 * @param output        per check id, what the solution printed (bounded); checks that printed nothing are absent
 * @param isolation     what kept the solution apart: "bubblewrap" (the OS sandbox) or "policy"
 * @param millis        wall-clock time of the whole grading, compile included
 */
public record GradingResult(String exerciseId, String pluginId, String pluginVersion, String sourcesSha256,
                            CompiledSolution compile, GradeReport report, Map<String, CheckOutcome> outcomes,
                            Map<String, String> output, String isolation, long millis) {
    public GradingResult {
        outcomes = Map.copyOf(outcomes);
        output = Map.copyOf(output);
    }

    public int points() {
        return report.points();
    }

    public int maxPoints() {
        return report.maxPoints();
    }

    /** The submission's status in a gradebook: the first of these that applies, in this order. */
    @JsonProperty("status")
    public SubmissionStatus status() {
        if (!compile.compiled()) {
            return SubmissionStatus.COMPILE_ERROR;
        }
        if (compile.rejected()) {
            return SubmissionStatus.REJECTED;
        }
        if (report.results().stream().map(CheckResult::status).anyMatch(s -> s == CheckStatus.ERROR)) {
            return SubmissionStatus.CHECKER_ERROR;
        }
        if (outcomes.containsValue(CheckOutcome.TIMEOUT)) {
            return SubmissionStatus.TIMEOUT;
        }
        if (outcomes.containsValue(CheckOutcome.CRASHED)) {
            return SubmissionStatus.CRASHED;
        }
        return SubmissionStatus.GRADED;
    }

    /** Why the status is not plain "graded", in one line for a gradebook's note; empty when it is. */
    @JsonProperty("reason")
    public String reason() {
        return switch (status()) {
            case COMPILE_ERROR, REJECTED -> compile.summary();
            case CHECKER_ERROR -> firstMessage(CheckStatus.ERROR);
            case TIMEOUT -> firstOutcome(CheckOutcome.TIMEOUT);
            case CRASHED -> firstOutcome(CheckOutcome.CRASHED);
            default -> "";
        };
    }

    /**
     * {@link #reason()} with PageLab's words in {@code text}'s language (the checks' messages are what this result
     * holds: translate it first, {@link Grader#translated}). In English exactly {@link #reason()}.
     */
    public String reason(ReportText text) {
        return switch (status()) {
            case COMPILE_ERROR, REJECTED -> text.summary(compile);
            default -> reason();
        };
    }

    private String firstMessage(CheckStatus status) {
        return report.results().stream().filter(r -> r.status() == status)
                .map(r -> r.checkId() + ": " + r.message()).findFirst().orElse("");
    }

    private String firstOutcome(CheckOutcome outcome) {
        return report.results().stream().filter(r -> outcomes.get(r.checkId()) == outcome)
                .map(r -> r.checkId() + ": " + r.message()).findFirst().orElse("");
    }
}
