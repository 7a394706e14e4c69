package pagelab.exercises.sharedcounter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import pagelab.exercise.CheckStatus;
import pagelab.exercise.GradeReport;
import pagelab.exercise.KnownWrongSolution;
import pagelab.testkit.ExerciseVerifier;

/** The race of a non-atomic increment is reproduced the same way on every run, not once in a while. */
class DeterministicRaceTest {
    @Test
    void lockstepSwitchesTasksExactlyAtEachYield() {
        List<String> steps = Collections.synchronizedList(new ArrayList<>());
        Lockstep[] scheduler = new Lockstep[1];
        Runnable a = () -> {
            steps.add("a1");
            scheduler[0].yieldTurn();
            steps.add("a2");
        };
        Runnable b = () -> {
            steps.add("b1");
            scheduler[0].yieldTurn();
            steps.add("b2");
            scheduler[0].yieldTurn();
            steps.add("b3");
        };
        scheduler[0] = new Lockstep(List.of(a, b));

        List<Throwable> failures = scheduler[0].run();

        assertThat(failures).containsOnlyNulls();
        assertThat(steps).containsExactly("a1", "b1", "a2", "b2", "b3");
    }

    @Test
    void lockstepReportsATaskFailureWithoutBlockingTheOthers() {
        Lockstep[] scheduler = new Lockstep[1];
        Runnable fails = () -> {
            throw new IllegalStateException("boom");
        };
        Runnable yields = () -> scheduler[0].yieldTurn();
        scheduler[0] = new Lockstep(List.of(fails, yields));

        List<Throwable> failures = scheduler[0].run();

        assertThat(failures.get(0)).hasMessage("boom");
        assertThat(failures.get(1)).isNull();
    }

    @Test
    void plusPlusLosesTheSameIncrementOnEveryGrading() {
        SharedCounter exercise = new SharedCounter();
        KnownWrongSolution plusPlus = exercise.knownWrong().stream().filter(w -> w.name().equals("plus-plus"))
                .findFirst().orElseThrow();
        ExerciseVerifier verifier = new ExerciseVerifier();

        GradeReport first = verifier.grade(exercise, plusPlus.sources());
        GradeReport second = verifier.grade(exercise, plusPlus.sources());

        assertThat(second).isEqualTo(first);
        assertThat(first.results()).filteredOn(r -> r.checkId().equals("atomicUnderPreemption"))
                .singleElement().extracting(r -> r.status()).isEqualTo(CheckStatus.PARTIAL);
    }

    /** Issue 16's checker gap: a switch right after InterlockedIncrement exposes a second look at the counter. */
    @Test
    void rereadingTheCounterAfterAnAtomicIncrementGivesBothInstancesOneNumberAndItsOwnHint() {
        SharedCounter exercise = new SharedCounter();
        KnownWrongSolution reread = exercise.knownWrong().stream()
                .filter(w -> w.name().equals("reread-after-increment")).findFirst().orElseThrow();

        GradeReport report = new ExerciseVerifier().grade(exercise, reread.sources());

        var race = report.results().stream().filter(r -> r.checkId().equals("atomicUnderPreemption")).findFirst()
                .orElseThrow();
        assertThat(race.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(race.message()).contains("got the numbers 2 and 2");
        assertThat(race.hint()).startsWith("InterlockedIncrement returns the value it made");
        KnownWrongSolution plusPlus = exercise.knownWrong().stream().filter(w -> w.name().equals("plus-plus"))
                .findFirst().orElseThrow();
        var lost = new ExerciseVerifier().grade(exercise, plusPlus.sources()).results().stream()
                .filter(r -> r.checkId().equals("atomicUnderPreemption")).findFirst().orElseThrow();
        assertThat(lost.hint()).startsWith("g_lInstanceCount++ is a load");
    }
}
