package pagelab.app.results;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pagelab.app.grading.Grader;
import pagelab.app.grading.GradingResult;
import pagelab.app.plugins.LoadedExercise;
import pagelab.app.plugins.PluginHost;
import pagelab.exercise.CheckResult;

/**
 * Decides whether a {@link ResultBundle} tells the truth: a key trusted here signed it, its sources are the ones it
 * recorded, it was graded by the plugin installed here, and re-grading them with the recorded seed gives the
 * recorded points, check by check. Hashes alone prove nothing (anyone can recompute them for the reference
 * solution's sources); the signature is what ties the points to the grader.
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
        UNVERIFIABLE,
        /** The bundle carries no signature: anyone could have written it. */
        UNSIGNED,
        /** A valid signature, but by a key not trusted here. */
        FOREIGN
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

    /**
     * Checks {@code bundle} offline: its signature against {@code trusted}, then its sources and points against
     * the plugins of {@code host}, re-grading with {@code grader}.
     */
    public static Verdict verify(ResultBundle bundle, List<PublicKey> trusted, PluginHost host, Grader grader) {
        Verdict unsigned = signature(bundle, trusted);
        if (unsigned != null) {
            return unsigned;
        }
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

    /** Null when a trusted key signed the bundle; otherwise the verdict that ends the verification. */
    private static Verdict signature(ResultBundle bundle, List<PublicKey> trusted) {
        if (!bundle.signed()) {
            return new Verdict(Outcome.UNSIGNED, List.of("the bundle carries no signature, so anyone could have "
                    + "written its points; only a bundle signed by the grader's key (pagelab keys, then grade "
                    + "--bundles or check --bundle) can be trusted"), null);
        }
        PublicKey signer;
        byte[] sig;
        try {
            signer = ResultSigner.publicKey(bundle.signerPem());
            sig = Base64.getDecoder().decode(bundle.signature());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return new Verdict(Outcome.REFUTED, List.of("the bundle's signature or signer key is malformed: "
                    + e.getMessage()), null);
        }
        if (!ResultSigner.verify(signer, bundle.manifestJson(), sig)) {
            return new Verdict(Outcome.REFUTED, List.of("the signature does not match the manifest: the bundle was "
                    + "changed after it was signed"), null);
        }
        boolean known = trusted.stream().anyMatch(k -> Arrays.equals(k.getEncoded(), signer.getEncoded()));
        if (!known) {
            return new Verdict(Outcome.FOREIGN, List.of("signed by key " + ResultSigner.fingerprint(signer)
                    + ", which is not among the keys trusted here (" + (trusted.isEmpty() ? "none"
                    : trusted.stream().map(ResultSigner::fingerprint).toList()) + "); add its .pub file to the "
                    + "key folder or pass --key"), null);
        }
        return null;
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
