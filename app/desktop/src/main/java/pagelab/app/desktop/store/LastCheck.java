package pagelab.app.desktop.store;

import pagelab.exercise.CheckResult;
import pagelab.exercise.Evidence;
import pagelab.solutions.CompileDiagnostic;

import java.util.List;
import java.util.Set;

/**
 * An exercise's last check as the results pane showed it, kept so the pane shows it again after a restart. The
 * evidence keeps its titles and lines but not its snapshots or runs: those can be megabytes, and the student gets
 * them back by checking again. Results are kept as graded, with their translatable texts, so the pane shows them in
 * the language of the session that restores them.
 *
 * @param exerciseId  the exercise
 * @param at          when the check ended (milliseconds since the epoch)
 * @param points      the total
 * @param maxPoints   the most there was
 * @param diagnostics the compile errors and warnings listed above the checks
 * @param results     every check's result, in run order
 * @param notRun      ids of the checks that did not run (a compile error, a failed prerequisite)
 */
public record LastCheck(String exerciseId, long at, int points, int maxPoints, List<CompileDiagnostic> diagnostics,
                        List<CheckResult> results, Set<String> notRun) {
    public LastCheck {
        diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
        results = results == null ? List.of() : results.stream().map(LastCheck::light).toList();
        notRun = notRun == null ? Set.of() : Set.copyOf(notRun);
    }

    private static CheckResult light(CheckResult r) {
        List<Evidence> evidence = r.evidence().stream()
                .map(Evidence::withoutPictures).toList();
        return new CheckResult(r.checkId(), r.title(), r.status(), r.points(), r.maxPoints(), r.message(),
                r.expected(), r.actual(), r.hint(), evidence, r.failureMode(), r.messageParts(), r.expectedMsg(),
                r.actualMsg(), r.hintMsg());
    }
}
