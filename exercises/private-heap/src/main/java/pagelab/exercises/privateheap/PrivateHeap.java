package pagelab.exercises.privateheap;

import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.ResourceExercise;

/**
 * Chapter 18's CSomeClass: a class-specific heap created on the first new and destroyed after the last delete,
 * compared with one shared heap. Sources and instructions are resources under {@code private-heap/}.
 */
@Extension
public final class PrivateHeap extends ResourceExercise {
    public PrivateHeap() {
        super("private-heap", "SomeClass.java");
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("private-heap", "A heap for one class", 18, Difficulty.EASY, 35, List.of(
                "Create a heap with HeapCreate and allocate from it with HeapAlloc",
                "Tie a heap's lifetime to its objects: create on first new, destroy after last delete",
                "Free a block into the heap it came from",
                "See why per-type heaps avoid fragmenting the process heap"))
                .onTrack(6, 1);
    }

    @Override
    public List<Locale> translations() {
        return List.of(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public Class<?> solutionInterface() {
        return ClassHeap.class;
    }

    @Override
    public Class<?> checks() {
        return PrivateHeapChecks.class;
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(
                wrong("heap-per-object", "Creates a new heap in every new.", "oneHeapForAllObjects")
                .hint("oneHeapForAllObjects", "heap-per-object"),
                wrong("never-destroys", "Never destroys the class heap.", "destroysHeapAfterLastDelete",
                        "recreatesHeapAfterDestroy", "fragmentationComparison", "worksOnX64")
                        .hint("destroysHeapAfterLastDelete", "never-destroys")
                        .hint("recreatesHeapAfterDestroy", "never-destroys")
                        .hint("fragmentationComparison", "never-destroys").hint("worksOnX64", "never-destroys"),
                wrong("destroys-on-first-delete", "Destroys the heap in every delete.", "destroysHeapAfterLastDelete",
                        "freesIntoClassHeap").hint("destroysHeapAfterLastDelete", "destroys-too-early")
                        .hint("freesIntoClassHeap", "destroys-too-early"),
                wrong("keeps-stale-handle", "Destroys the heap with the last delete but keeps its handle in "
                        + "s_hHeap.", "destroysHeapAfterLastDelete", "recreatesHeapAfterDestroy",
                        "fragmentationComparison", "worksOnX64").hint("destroysHeapAfterLastDelete", "stale-handle")
                        .hint("recreatesHeapAfterDestroy", "stale-handle").hint("fragmentationComparison",
                                "stale-handle").hint("worksOnX64", "stale-handle"),
                wrong("frees-to-process-heap", "Frees objects into the process heap.", "freesIntoClassHeap")
                .hint("freesIntoClassHeap", "frees-to-process-heap"));
    }
}
