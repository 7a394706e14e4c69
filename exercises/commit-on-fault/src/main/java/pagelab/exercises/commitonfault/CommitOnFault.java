package pagelab.exercises.commitonfault;

import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.ResourceExercise;

/**
 * Chapter 15's spreadsheet once more, committed the way the chapter calls the best: an {@code __except} filter commits
 * the page an access violation names and continues execution. Sources and instructions are resources under
 * {@code commit-on-fault/}.
 */
@Extension
public final class CommitOnFault extends ResourceExercise {
    public CommitOnFault() {
        super("commit-on-fault", "OnDemandSheet.java");
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("commit-on-fault", "Commit on fault with an SEH filter", 15, Difficulty.HARD,
                75, List.of(
                "Commit reserved storage from an __except filter and resume with EXCEPTION_CONTINUE_EXECUTION",
                "Read EXCEPTION_RECORD: the exception code, read or write, and the faulting address",
                "Let every fault the filter cannot cure go on with EXCEPTION_CONTINUE_SEARCH",
                "Tell a filter that resumes from a handler that unwinds, with nested __try blocks"))
                .onTrack(3, 1);
    }

    @Override
    public List<Locale> translations() {
        return List.of(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public Class<?> solutionInterface() {
        return DemandSheet.class;
    }

    @Override
    public Class<?> checks() {
        return CommitOnFaultChecks.class;
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(
                wrong("handles-writes-only", "The filter commits only for write faults (ExceptionInformation[0] ="
                        + " 1), so reading an untouched cell crashes.", "readsCommitOnDemand")
                        .hint("readsCommitOnDemand", "handles-writes-only"),
                wrong("commits-whole-granule", "The filter commits the whole 64 KiB allocation-granularity block"
                        + " around the fault instead of one page.", "commitsOnlyFaultingPage")
                        .hint("commitsOnlyFaultingPage", "commits-whole-granule"),
                wrong("no-range-check", "The filter commits any reserved page that faults, even outside the sheet.",
                        "foreignFaultsReachOuterHandler").hint("foreignFaultsReachOuterHandler", "no-range-check"),
                wrong("ignores-commit-failure", "The filter returns EXCEPTION_CONTINUE_EXECUTION even when"
                        + " VirtualAlloc failed, so the access faults again and again.", "incurableFaultsDoNotLoop")
                        .hint("incurableFaultsDoNotLoop", "ignores-commit-failure"),
                wrong("no-state-check", "The filter commits without asking VirtualQuery whether the page is only"
                        + " reserved, so a write to a read-only page is 'cured' by making it writable.",
                        "incurableFaultsDoNotLoop").hint("incurableFaultsDoNotLoop", "no-state-check"),
                wrong("retries-in-handler", "The filter answers EXCEPTION_EXECUTE_HANDLER and the handler runs the"
                        + " body again, repeating its side effects and its __finally blocks.", "nestedTryBlocks")
                        .hint("nestedTryBlocks", "retries-in-handler"));
    }
}
