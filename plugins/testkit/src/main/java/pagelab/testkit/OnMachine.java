package pagelab.testkit;

import java.util.List;
import java.util.Locale;
import pagelab.exercise.Exercise;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.SourceSet;
import pagelab.kernel.MachineConfig;

/**
 * An exercise graded on another machine: everything as {@code exercise} declares it but the
 * {@link MachineConfig}. For a test that an exercise is not tied to one architecture, e.g.
 * {@code new ExerciseVerifier().grade(new OnMachine(e, MachineConfig.x64()), e.reference())}.
 *
 * @param exercise the exercise to grade
 * @param config   the machine its checks run on instead of {@code exercise.machineConfig()}
 * @since 0.1
 */
public record OnMachine(Exercise exercise, MachineConfig config) implements Exercise {
    @Override
    public ExerciseDescriptor descriptor() {
        return exercise.descriptor();
    }

    @Override
    public String instructions(Locale locale) {
        return exercise.instructions(locale);
    }

    @Override
    public List<Locale> translations() {
        return exercise.translations();
    }

    @Override
    public SourceSet starter() {
        return exercise.starter();
    }

    @Override
    public SourceSet reference() {
        return exercise.reference();
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return exercise.knownWrong();
    }

    @Override
    public Class<?> solutionInterface() {
        return exercise.solutionInterface();
    }

    @Override
    public Class<?> checks() {
        return exercise.checks();
    }

    @Override
    public MachineConfig machineConfig() {
        return config;
    }
}
