package pagelab.app.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pagelab.app.grading.Grader;
import pagelab.app.grading.GradingResult;
import pagelab.app.plugins.LoadedExercise;
import pagelab.app.plugins.PluginHost;
import pagelab.exercise.CheckResult;

/**
 * Decides whether a {@link ResultBundle} tells the truth: its sources are the ones it recorded, it was graded by the
 * plugin installed here, and re-grading them with the recorded seed gives the recorded points, check by check.
 */
public final class ResultVerifier {
    private ResultVerifier() {
    }

    /** The three possible answers. */
    public enum Outcome {
        /** Re-grading gives exactly the recorded points. */
        CONFIRMED,
        /** The sources were changed, or re-grading gives other points. */
        REFUTED,
        /** This installation cannot tell: the exercise is missing or its plugin differs from the one recorded. */
        UNVERIFIABLE
    }

    /**
     * The answer and its reasons.
     *
     * @param outcome  the answer
     * @param reasons  one line per discrepancy (empty when confirmed)
     * @param regraded the new grading, when one was made
     */
    public record Verdict(Outcome outcome, List<String> reasons, GradingResult regraded) {
        public Verdict {
            reasons = List.copyOf(reasons);
        }
    }

    /** Checks {@code bundle} offline against the plugins of {@code host}, re-grading with {@code grader}. */
    public static Verdict verify(ResultBundle bundle, PluginHost host, Grader grader) {
        ResultBundle.Manifest m = bundle.manifest();
        List<String> reasons = sourceProblems(bundle);
        if (!reasons.isEmpty()) {
            return new Verdict(Outcome.REFUTED, reasons, null);
        }
        Optional<LoadedExercise> found = host.exercise(m.exerciseId());
        if (found.isEmpty()) {
            return new Verdict(Outcome.UNVERIFIABLE, List.of("exercise " + m.exerciseId() + " is not installed here"),
                    null);
        }
        LoadedExercise ex = found.get();
        if (!ex.pluginHash().equals(m.pluginSha256())) {
            return new Verdict(Outcome.UNVERIFIABLE, List.of("the bundle was graded by plugin " + m.pluginId() + " "
                    + m.pluginVersion() + " (SHA-256 " + m.pluginSha256() + "), but the installed one is "
                    + ex.pluginId() + " " + ex.pluginVersion() + " (SHA-256 " + ex.pluginHash() + ")"), null);
        }
        int sum = m.checks().stream().mapToInt(ResultBundle.Check::points).sum();
        if (sum != m.points()) {
            reasons.add("the recorded checks add up to " + sum + " points, but the bundle claims " + m.points());
        }
        GradingResult again = grader.grade(ex, bundle.sources(), m.seed(), r -> { });
        reasons.addAll(compare(m, again));
        return new Verdict(reasons.isEmpty() ? Outcome.CONFIRMED : Outcome.REFUTED, reasons, again);
    }

    private static List<String> sourceProblems(ResultBundle bundle) {
        List<String> out = new ArrayList<>();
        Map<String, String> recorded = bundle.manifest().sourceFiles();
        if (!recorded.keySet().equals(bundle.sources().files().keySet())) {
            out.add("the bundle records files " + recorded.keySet() + " but holds " + bundle.sources().files()
                    .keySet());
        }
        bundle.sources().files().forEach((name, text) -> {
            String want = recorded.get(name);
            if (want != null && !want.equals(Hashes.sha256(text))) {
                out.add(name + " was changed after grading (its SHA-256 differs from the recorded one)");
            }
        });
        if (out.isEmpty() && !Hashes.sha256(bundle.sources()).equals(bundle.manifest().sourcesSha256())) {
            out.add("the sources' SHA-256 differs from the recorded " + bundle.manifest().sourcesSha256());
        }
        return out;
    }

    private static List<String> compare(ResultBundle.Manifest m, GradingResult again) {
        List<String> out = new ArrayList<>();
        for (ResultBundle.Check c : m.checks()) {
            CheckResult r = again.report().result(c.id());
            if (r == null) {
                out.add("check " + c.id() + " is recorded but the exercise has no such check");
            } else if (r.points() != c.points() || r.status() != c.status()) {
                out.add("check " + c.id() + ": the bundle records " + c.status() + " " + c.points() + "/"
                        + c.maxPoints() + ", re-grading gives " + r.status() + " " + r.points() + "/" + r.maxPoints());
            }
        }
        if (again.report().results().size() != m.checks().size()) {
            out.add("the bundle records " + m.checks().size() + " checks, the exercise has "
                    + again.report().results().size());
        }
        if (again.points() != m.points()) {
            out.add("total: the bundle records " + m.points() + "/" + m.maxPoints() + ", re-grading gives "
                    + again.points() + "/" + again.maxPoints());
        }
        return out;
    }
}
