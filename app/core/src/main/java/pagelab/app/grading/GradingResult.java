package pagelab.app.grading;

import java.util.Map;
import pagelab.exercise.GradeReport;

/**
 * Everything about one graded solution: what was graded (hashes), how it compiled, the checks' results and what
 * the solution printed during each check. Immutable plain data.
 *
 * @param exerciseId    the exercise
 * @param pluginId      the plugin that provided it
 * @param pluginVersion that plugin's version
 * @param sourcesSha256 the SHA-256 of the graded sources (see {@code Hashes.sha256(SourceSet)})
 * @param compile       the compiler's outcome
 * @param report        one scored result per check (all failed when the sources did not compile)
 * @param output        per check id, what the solution printed (bounded); checks that printed nothing are absent
 * @param millis        wall-clock time of the whole grading, compile included
 */
public record GradingResult(String exerciseId, String pluginId, String pluginVersion, String sourcesSha256,
                            CompileResult compile, GradeReport report, Map<String, String> output, long millis) {
    public GradingResult {
        output = Map.copyOf(output);
    }

    public int points() {
        return report.points();
    }

    public int maxPoints() {
        return report.maxPoints();
    }
}
