package ${package};

import java.util.List;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.ResourceExercise;

/** The exercise ${artifactId}: everything the host needs comes from this class and the resources it names. */
@Extension
public final class ${exerciseClass} extends ResourceExercise {
    /** Instructions and the marked reference are resources under {@code ${artifactId}/}; the student edits one file. */
    public ${exerciseClass}() {
        super("${artifactId}", "FirstPageSolution.java");
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("${artifactId}", "TODO a short title", ${chapter}, Difficulty.EASY, 20,
                List.of("Reserve address space and commit only the storage you use"));
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(wrong("commits-everything", "Commits the whole region, not just its first page.",
                "commitsOnlyTheFirstPage").hint("commitsOnlyTheFirstPage", "commits-everything"));
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
