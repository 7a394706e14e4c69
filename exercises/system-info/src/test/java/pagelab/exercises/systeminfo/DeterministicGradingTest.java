package pagelab.exercises.systeminfo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pagelab.exercise.GradeReport;
import pagelab.testkit.ExerciseVerifier;

/** A fixed seed makes grading reproducible: the same solution gets the same report, addresses and evidence. */
class DeterministicGradingTest {
    @Test
    void gradingTheSameSolutionTwiceGivesTheSameReport() {
        SystemInfo exercise = new SystemInfo();
        ExerciseVerifier verifier = new ExerciseVerifier();

        GradeReport first = verifier.grade(exercise, exercise.knownWrong().get(0).sources());
        GradeReport second = verifier.grade(exercise, exercise.knownWrong().get(0).sources());

        assertThat(second).isEqualTo(first);
    }
}
