package pagelab.exercises.partitions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pagelab.exercise.Exercise;
import pagelab.exercise.GradeReport;
import pagelab.kernel.MachineConfig;
import pagelab.testkit.ExerciseVerifier;
import pagelab.testkit.GradeReports;
import pagelab.testkit.OnMachine;

/**
 * The x64 variant: the whole exercise graded on a 64-bit machine. The x86 checks ask about 32-bit addresses, which
 * are all user mode or NULL pointers there, so only the checks that are the same on every machine must pass in full.
 */
class X64ReferenceTest {
    @Test
    void referenceScoresFullOnX64() {
        Exercise x64 = new OnMachine(new Partitions(), MachineConfig.x64());
        GradeReport report = new ExerciseVerifier().grade(x64, x64.reference());
        assertThat(report.fullScore()).as(GradeReports.summary(report)).isTrue();
    }
}
