package pagelab.exercises.copyonwrite;

import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.ResourceExercise;

/**
 * Chapter 17's copy-on-write: several instances of one image write its globals; predict, then observe with
 * VirtualQuery, which pages each process copied. Sources and instructions are resources under
 * {@code copy-on-write/}.
 */
@Extension
public final class CopyOnWrite extends ResourceExercise {
    public CopyOnWrite() {
        super("copy-on-write", "CowLab.java");
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("copy-on-write", "Which pages get copied?", 17, Difficulty.EASY, 35, List.of(
                "Explain why writable image sections are mapped PAGE_WRITECOPY",
                "Predict that a copy is made per process, per page, on the first write only",
                "Tell a copied page (PAGE_READWRITE) from an untouched one (PAGE_WRITECOPY) with VirtualQuery",
                "Distinguish shared sections, which are never copied"))
                .onTrack(4, 4);
    }

    @Override
    public List<Locale> translations() {
        return List.of(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public Class<?> solutionInterface() {
        return CopyOnWriteLab.class;
    }

    @Override
    public Class<?> checks() {
        return CopyOnWriteChecks.class;
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(
                wrong("any-instance-copies", "Thinks one instance's write copies the page for every instance.",
                        "predictsSingleWrite", "predictsPerInstance", "readsDoNotCopy", "sharedSectionIsNotCopied",
                        "largeScenario").hint("predictsSingleWrite", "any-instance-copies")
                        .hint("predictsPerInstance", "any-instance-copies")
                        .hint("largeScenario", "any-instance-copies"),
                wrong("reads-copy", "Thinks a read already makes a private copy.", "readsDoNotCopy", "largeScenario")
                .hint("readsDoNotCopy", "reads-copy"),
                wrong("shared-counts-as-copy", "Counts PAGE_READWRITE pages of the shared section as copies.",
                        "sharedSectionIsNotCopied", "observesCopies", "largeScenario", "worksOnX64")
                        .hint("sharedSectionIsNotCopied", "shared-counts-as-copy")
                        .hint("observesCopies", "shared-counts-as-copy").hint("worksOnX64", "shared-counts-as-copy"),
                wrong("whole-section-copied", "Thinks the first write copies the whole section.",
                        "predictsSingleWrite", "predictsPerInstance", "readsDoNotCopy", "sharedSectionIsNotCopied",
                        "largeScenario").hint("predictsSingleWrite", "whole-section-copied")
                        .hint("predictsPerInstance", "whole-section-copied"));
    }
}
