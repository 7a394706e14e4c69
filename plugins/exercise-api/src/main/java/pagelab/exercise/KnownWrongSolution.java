package pagelab.exercise;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A solution with one mistake a real student makes, shipped to prove the checker: verification requires that it
 * fails exactly the checks in {@link #mustFail} (no fewer, so the checker catches the mistake; no more, so the
 * mistake is reported where a student would look), and that the checks named in {@link #hints} diagnose it: each
 * gives the hint of the failure mode declared for it, so a student reads about their own mistake.
 *
 * @param name     a short id, e.g. {@code commits-everything}
 * @param mistake  the mistake in one sentence, as a teacher would explain it
 * @param sources  the complete solution, same file names as the starter
 * @param mustFail the ids (method names) of the checks it fails; every other check must pass
 * @param hints    check id to the failure mode ({@link CheckResult#failureMode}) that check must diagnose; each
 *                 check is one of {@code mustFail}; since 0.1.2
 * @since 0.1
 */
public record KnownWrongSolution(String name, String mistake, SourceSet sources, Set<String> mustFail,
                                 Map<String, String> hints) {

    /** @throws IllegalArgumentException if a field is missing, {@code mustFail} is empty or a hint names a check
     *                                   that is not in {@code mustFail} */
    public KnownWrongSolution {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a known-wrong solution needs a name");
        }
        if (mistake == null || mistake.isBlank()) {
            throw new IllegalArgumentException("known-wrong solution " + name + ": describe the mistake");
        }
        if (sources == null) {
            throw new IllegalArgumentException("known-wrong solution " + name + ": sources are missing");
        }
        if (mustFail == null || mustFail.isEmpty()) {
            throw new IllegalArgumentException("known-wrong solution " + name + ": name the checks it must fail");
        }
        mustFail = Set.copyOf(new TreeSet<>(mustFail));
        hints = hints == null ? Map.of() : Map.copyOf(new TreeMap<>(hints));
        for (String check : hints.keySet()) {
            if (!mustFail.contains(check)) {
                throw new IllegalArgumentException("known-wrong solution " + name + " declares the hint of check "
                        + check + ", which it does not fail; it fails " + new TreeSet<>(mustFail));
            }
        }
    }

    /** A solution that declares no hints yet (the API of 0.1.1). */
    public KnownWrongSolution(String name, String mistake, SourceSet sources, Set<String> mustFail) {
        this(name, mistake, sources, mustFail, Map.of());
    }

    /**
     * This solution, which must also be diagnosed by {@code check} as {@code failureMode}: the check's result must
     * carry that failure mode ({@link CheckResult#hint(String, String)}).
     *
     * @since 0.1.2
     */
    public KnownWrongSolution hint(String check, String failureMode) {
        if (failureMode == null || failureMode.isBlank()) {
            throw new IllegalArgumentException("known-wrong solution " + name + ": name the failure mode of " + check);
        }
        Map<String, String> more = new TreeMap<>(hints);
        more.put(check, failureMode);
        return new KnownWrongSolution(name, mistake, sources, mustFail, more);
    }
}
