package ${package};

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.Exercise;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.Instructions;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.SourceSet;

/** The exercise ${artifactId}: everything the host needs comes from this class and the resources it names. */
@Extension
public final class ${exerciseClass} implements Exercise {
    private static final String DIR = "${artifactId}";
    private static final String FILE = "FirstPageSolution.java";

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("${artifactId}", "TODO a short title", ${chapter}, Difficulty.EASY, 20,
                List.of("Reserve address space and commit only the storage you use"));
    }

    @Override
    public String instructions(Locale locale) {
        return Instructions.load(${exerciseClass}.class, DIR + "/instructions", locale);
    }

    @Override
    public SourceSet starter() {
        return SourceSet.fromResources(${exerciseClass}.class, DIR + "/starter", FILE);
    }

    @Override
    public SourceSet reference() {
        return SourceSet.fromResources(${exerciseClass}.class, DIR + "/reference", FILE);
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(new KnownWrongSolution("commits-everything",
                "Commits the whole region, not just its first page.",
                SourceSet.fromResources(${exerciseClass}.class, DIR + "/wrong/commits-everything", FILE),
                Set.of("commitsOnlyTheFirstPage")));
    }

    @Override
    public Class<?> solutionInterface() {
        return FirstPage.class;
    }

    @Override
    public Class<?> checks() {
        return ${exerciseClass}Checks.class;
    }
}
