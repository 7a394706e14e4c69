package pagelab.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import pagelab.exercise.CheckPlan;
import pagelab.exercise.Exercise;
import pagelab.exercise.KnownWrongSolution;

/**
 * The JUnit 5 test every exercise plugin ships: extend it and name the exercise.
 *
 * <pre>{@code
 * class SparseCellsVerificationTest extends ExerciseVerification {
 *     @Override
 *     protected Exercise exercise() {
 *         return new SparseCells();
 *     }
 * }
 * }</pre>
 *
 * <p>It yields one dynamic test per property, named after what it proves: the exercise is well formed (descriptor,
 * instructions, checks, sources, known-wrong declarations, the SDK boundary, no unused file in the plugin), the
 * {@code reference scores 100%}, the {@code starter scores at most 10%}, and each known-wrong solution fails
 * exactly the checks it names ({@code wrong/never-decommits fails 'Clearing the last cell on a page decommits the
 * page'}). A failure message shows every check's result. The test class path needs a kernel provider (the
 * {@code kernel-sim} module).
 *
 * @since 0.1
 */
public abstract class ExerciseVerification {
    /** What each structural finding of {@link ExerciseVerifier#verifyStructure} proves, as a test's name. */
    private static final Map<String, String> CLAIMS = Map.of(
            "descriptor", "descriptor is valid",
            "instructions", "instructions are there in every language declared, each with every section of the English",
            "checks", "checks are well declared and their class can be made",
            "sources", "reference and known-wrong solutions have the starter's files",
            "known-wrong declarations", "each known-wrong solution is declared once and marked in the reference",
            "SDK boundary", "uses only pagelab.kernel, pagelab.exercise and java.base",
            "unused files", "plugin holds no file the exercise does not use",
            "check texts", "every check title and hint is translated where the exercise translates its checks");
    // A malformed exercise is reported by the finding that failed; the others are skipped instead of repeating it.
    private static final String NOT_WELL_FORMED = "the exercise is not well formed (see the failed test above)";

    /** The exercise under test; called once per verification. */
    protected abstract Exercise exercise();

    /** The verifier; override to change the seed or the time limit. */
    protected ExerciseVerifier verifier() {
        return new ExerciseVerifier();
    }

    @TestFactory
    @DisplayName("verification:")
    Stream<DynamicTest> verifyExercise() {
        Exercise exercise = exercise();
        ExerciseVerifier verifier = verifier();
        List<Finding> structure = verifier.verifyStructure(exercise);
        boolean wellFormed = structure.stream().allMatch(Finding::ok);
        List<DynamicTest> tests = new ArrayList<>();
        for (Finding f : structure) {
            tests.add(test(CLAIMS.getOrDefault(f.subject(), f.subject()), () -> f));
        }
        tests.add(test("reference scores 100%", () -> {
            assumeTrue(wellFormed, NOT_WELL_FORMED);
            return verifier.verifyReference(exercise);
        }));
        tests.add(test("starter scores at most " + ExerciseVerifier.STARTER_MAX_PERCENT + "%", () -> {
            assumeTrue(wellFormed, NOT_WELL_FORMED);
            return verifier.verifyStarter(exercise);
        }));
        tests.add(DynamicTest.dynamicTest("rubric in docs/exercises.md is the checks' and known-wrong solutions'",
                () -> {
                    assumeTrue(wellFormed, NOT_WELL_FORMED);
                    Path doc = Rubric.document();
                    assumeTrue(doc != null, "not built in a PageLab source tree: no docs/exercises.md");
                    String text = Rubric.read(doc);
                    if (Boolean.getBoolean("rubric.update")) {
                        text = Rubric.update(text, exercise);
                        Rubric.write(doc, text);
                    }
                    String want = Rubric.markdown(exercise);
                    String got = Rubric.published(text, exercise);
                    assertTrue(want.equals(got), () -> "the rubric of " + exercise.descriptor().id() + " in " + doc
                            + " is " + (got == null ? "missing" : "out of date") + "; rewrite it with mvn -pl "
                            + "exercises/" + exercise.descriptor().id() + " test -Drubric.update=true. It should "
                            + "read:\n" + want);
                }));
        for (KnownWrongSolution w : wellFormed ? exercise.knownWrong() : List.<KnownWrongSolution>of()) {
            tests.add(test("wrong/" + w.name() + " fails " + titles(exercise, w),
                    () -> verifier.verifyKnownWrong(exercise, w)));
        }
        return tests.stream();
    }

    // A test named after its claim; a failure repeats the claim, since a console report may show only the message.
    private static DynamicTest test(String claim, Supplier<Finding> finding) {
        return DynamicTest.dynamicTest(claim, () -> {
            Finding f = finding.get();
            assertTrue(f.ok(), () -> claim + ": " + f);
        });
    }

    // 'Title one', 'Title two' and 'Title three': the checks as a student reads them.
    private static String titles(Exercise exercise, KnownWrongSolution w) {
        CheckPlan plan = CheckPlan.of(exercise.checks());
        List<String> titles = plan.checks().stream().filter(c -> w.mustFail().contains(c.id()))
                .map(c -> "'" + c.title() + "'").toList();
        int last = titles.size() - 1;
        return last == 0 ? titles.get(0) : String.join(", ", titles.subList(0, last)) + " and " + titles.get(last);
    }
}
