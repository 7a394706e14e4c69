package pagelab.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
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
 * <p>It yields one dynamic test per property: the exercise is well formed, the reference scores 100%, the starter
 * scores less, and each known-wrong solution fails exactly the checks it names. A failure message shows every
 * check's result. The test class path needs a kernel provider (the {@code kernel-sim} module).
 *
 * @since 0.1
 */
public abstract class ExerciseVerification {

    /** The exercise under test; called once per verification. */
    protected abstract Exercise exercise();

    /** The verifier; override to change the seed or the time limit. */
    protected ExerciseVerifier verifier() {
        return new ExerciseVerifier();
    }

    @TestFactory
    Stream<DynamicTest> verifyExercise() {
        Exercise exercise = exercise();
        ExerciseVerifier verifier = verifier();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("exercise is well formed", () -> {
            List<Finding> findings = verifier.verifyStructure(exercise);
            assertTrue(findings.stream().allMatch(Finding::ok), () -> joined(findings));
        }));
        tests.add(DynamicTest.dynamicTest("reference scores 100%", () -> {
            wellFormed(verifier, exercise);
            assertHolds(verifier.verifyReference(exercise));
        }));
        tests.add(DynamicTest.dynamicTest("starter scores less than 100%", () -> {
            wellFormed(verifier, exercise);
            assertHolds(verifier.verifyStarter(exercise));
        }));
        for (KnownWrongSolution w : knownWrong(exercise)) {
            tests.add(DynamicTest.dynamicTest("known-wrong " + w.name() + " fails " + w.mustFail(), () -> {
                wellFormed(verifier, exercise);
                assertHolds(verifier.verifyKnownWrong(exercise, w));
            }));
        }
        return tests.stream();
    }

    private static List<KnownWrongSolution> knownWrong(Exercise exercise) {
        try {
            return exercise.knownWrong();
        } catch (RuntimeException e) {
            return List.of(); // reported by "exercise is well formed"
        }
    }

    // A malformed exercise is reported once, by the structure test; the others are skipped instead of repeating it.
    private static void wellFormed(ExerciseVerifier verifier, Exercise exercise) {
        assumeTrue(verifier.verifyStructure(exercise).stream().allMatch(Finding::ok),
                "the exercise is not well formed (see \"exercise is well formed\")");
    }

    private static void assertHolds(Finding f) {
        assertTrue(f.ok(), f::toString);
    }

    private static String joined(List<Finding> findings) {
        StringBuilder b = new StringBuilder();
        findings.forEach(f -> b.append(f).append('\n'));
        return b.toString();
    }
}
