package pagelab.exercise;

import java.util.Set;
import java.util.TreeSet;

/**
 * A solution with one mistake a real student makes, shipped to prove the checker: verification requires that it
 * fails exactly the checks in {@link #mustFail} (no fewer, so the checker catches the mistake; no more, so the
 * mistake is reported where a student would look).
 *
 * @param name     a short id, e.g. {@code commits-everything}
 * @param mistake  the mistake in one sentence, as a teacher would explain it
 * @param sources  the complete solution, same file names as the starter
 * @param mustFail the ids (method names) of the checks it fails; every other check must pass
 * @since 0.1
 */
public record KnownWrongSolution(String name, String mistake, SourceSet sources, Set<String> mustFail) {

    /** @throws IllegalArgumentException if a field is missing or {@code mustFail} is empty */
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
    }
}
