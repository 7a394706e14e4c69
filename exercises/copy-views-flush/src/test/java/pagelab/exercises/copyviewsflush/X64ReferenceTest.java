package pagelab.exercises.copyviewsflush;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pagelab.exercise.Exercise;
import pagelab.exercise.GradeReport;
import pagelab.kernel.MachineConfig;
import pagelab.testkit.ExerciseVerifier;
import pagelab.testkit.GradeReports;
import pagelab.testkit.OnMachine;

/** The exercise is not x86-only: the reference also scores 100% on a 64-bit machine. */
class X64ReferenceTest {
    @Test
    void referenceScoresFullOnX64() {
        Exercise x64 = new OnMachine(new CopyViewsFlush(), MachineConfig.x64());
        GradeReport report = new ExerciseVerifier().grade(x64, x64.reference());
        assertThat(report.fullScore()).as(GradeReports.summary(report)).isTrue();
    }
}
