package pagelab.exercises.sharedcounter;

import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.ResourceExercise;

/**
 * Chapter 17's AppInst: an image with a {@code Shared} section (RWS) that counts its running instances with
 * interlocked operations, beside an ordinary {@code .data} global that stays per process. Sources and instructions
 * are resources under {@code shared-counter/}.
 */
@Extension
public final class SharedCounter extends ResourceExercise {
    public SharedCounter() {
        super("shared-counter", "AppInst.java");
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("shared-counter", "Counting instances in a shared section", 17,
                Difficulty.MEDIUM, 45, List.of(
                "Share data between every process of one image with a section marked shared (RWS)",
                "See why ordinary globals stay per process: writable image pages are copy-on-write",
                "Find a global at the image base plus its RVA (GetModuleHandle(NULL))",
                "Make a read-modify-write of shared data atomic with InterlockedIncrement/Decrement"))
                .onTrack(5, 4);
    }

    @Override
    public List<Locale> translations() {
        return List.of(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public Class<?> solutionInterface() {
        return InstanceCounter.class;
    }

    @Override
    public Class<?> checks() {
        return SharedCounterChecks.class;
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(
                wrong("section-not-shared", "Puts the counter in a section named Shared but forgets "
                        + "/SECTION:Shared,RWS, so the section is copy-on-write like .data.", "imageHasSharedSection",
                        "countsSequentialInstances").hint("imageHasSharedSection", "section-not-shared")
                        .hint("countsSequentialInstances", "section-not-shared"),
                wrong("counter-in-data", "Declares the counter without #pragma data_seg, so it lands in .data.",
                        "imageHasSharedSection", "countsSequentialInstances")
                        .hint("imageHasSharedSection", "counter-not-shared")
                        .hint("countsSequentialInstances", "counter-not-shared"),
                wrong("plus-plus", "Counts with g_lInstanceCount++ instead of InterlockedIncrement.",
                        "atomicUnderPreemption").hint("atomicUnderPreemption", "not-atomic"),
                wrong("reread-after-increment", "Increments with InterlockedIncrement but then reads the counter "
                        + "again for its own number, so two instances starting together get the same number.",
                        "atomicUnderPreemption").hint("atomicUnderPreemption", "reread-after-increment"),
                wrong("no-decrement", "Never decrements the counter when an instance exits.", "decrementsOnExit")
                .hint("decrementsOnExit", "no-decrement"),
                wrong("everything-shared", "Puts the instance's own number in the Shared section too.",
                        "imageHasSharedSection", "perInstanceDataStaysPrivate", "sharingMatchesSections",
                        "worksOnX64").hint("imageHasSharedSection", "number-shared")
                        .hint("perInstanceDataStaysPrivate", "number-shared").hint("worksOnX64", "number-shared"));
    }
}
