package pagelab.exercises.memreset;

import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.ResourceExercise;
import pagelab.kernel.MachineConfig;

/**
 * Chapter 15's {@code MEM_RESET}: a discardable cache, and the paging-file writes it saves when RAM is short.
 * Sources and instructions are resources under {@code mem-reset/}.
 */
@Extension
public final class MemReset extends ResourceExercise {
    public MemReset() {
        super("mem-reset", "ResetCache.java");
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("mem-reset", "MEM_RESET and a discardable cache", 15, Difficulty.MEDIUM, 40,
                List.of("Explain why dirty pages cost paging-file writes when RAM runs short",
                        "Tell the memory manager with MEM_RESET that a range's contents may be dropped",
                        "Keep discarded pages committed for reuse instead of decommitting them",
                        "Treat the contents of a reset page as undefined until written again"))
                .onTrack(2, 3);
    }

    /** A 32-bit machine with 1 MiB of RAM, so that a little pressure pushes the cache out of RAM. */
    @Override
    public MachineConfig machineConfig() {
        return small(MachineConfig.x86());
    }

    /** {@code base} with the small RAM the checks rely on (the x64 test uses it too). */
    public static MachineConfig small(MachineConfig base) {
        return base.ramBytes(1L << 20).pageFileBytes(64L << 20);
    }

    @Override
    public List<Locale> translations() {
        return List.of(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public Class<?> solutionInterface() {
        return PageCache.class;
    }

    @Override
    public Class<?> checks() {
        return MemResetChecks.class;
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(
                wrong("decommits-instead", "Decommits discarded slots (and re-commits on put) instead of resetting"
                        + " them.", "discardAllInvalidates").hint("discardAllInvalidates", "decommits-instead"),
                wrong("reset-with-virtualfree", "Calls VirtualFree(..., MEM_RESET), which fails: MEM_RESET is a"
                        + " VirtualAlloc flag.", "discardSavesWrites")
                        .hint("discardSavesWrites", "reset-with-virtualfree"),
                wrong("reset-with-commit-flag", "Passes MEM_COMMIT | MEM_RESET, which fails with"
                        + " ERROR_INVALID_PARAMETER.", "discardSavesWrites")
                        .hint("discardSavesWrites", "reset-with-commit-flag"),
                wrong("trusts-reset-contents", "Keeps slots valid after discardAll, trusting the old bytes of a reset"
                        + " page.", "discardAllInvalidates").hint("discardAllInvalidates", "trusts-reset-contents"),
                wrong("resets-neighbour-slot", "discard(slot) resets the page of slot + 1 (an off-by-one in the"
                        + " address).", "discardOneKeepsOthers").hint("discardOneKeepsOthers", "resets-wrong-page"));
    }
}
