package pagelab.exercises.stackguard;

import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.ResourceExercise;

/**
 * Chapter 16's thread stack from the run time's side: {@code _chkstk}, {@code _resetstkoflw}, measuring the
 * committed stack, and stack underflow. Sources and instructions are resources under {@code stack-guard/}.
 */
@Extension
public final class StackGuardExercise extends ResourceExercise {
    public StackGuardExercise() {
        super("stack-guard", "StackGuard.java");
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("stack-guard", "Stack probes and the guard page", 16, Difficulty.MEDIUM, 60,
                List.of("Explain how a thread's stack grows through its guard page, one page at a time",
                        "Write a _chkstk-style probe that never skips the guard page",
                        "Catch EXCEPTION_STACK_OVERFLOW and re-arm the guard page as _resetstkoflw does",
                        "Measure a thread's committed stack by walking its reservation with VirtualQuery",
                        "Make a stack underflow fault by reserving the range above the stack, and tell it from an "
                                + "overflow by the exception code and the faulting address"))
                .onTrack(3, 3);
    }

    @Override
    public List<Locale> translations() {
        return List.of(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public Class<?> solutionInterface() {
        return StackTools.class;
    }

    @Override
    public Class<?> checks() {
        return StackGuardChecks.class;
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(
                wrong("probes-bottom-up", "Probes the new frame from its lowest address upwards: the first touch"
                        + " lands far below the guard page.", "largeFrameProbedInOrder", "overflowRaised")
                        .hint("largeFrameProbedInOrder", "probes-bottom-up"),
                wrong("probes-every-8k", "Probes every 8 KiB instead of every page, so every other probe skips the"
                        + " guard page.", "largeFrameProbedInOrder", "overflowRaised")
                        .hint("largeFrameProbedInOrder", "probe-stride"),
                wrong("moves-esp-first", "Lowers ESP before probing, so the probe that raises the overflow leaves"
                        + " ESP below the caller's frame.", "overflowRaised").hint("overflowRaised", "moves-esp-first"),
                wrong("forgets-guard-flag", "Re-commits the page below the stack pointer but never sets PAGE_GUARD"
                        + " on it.", "resetRearmsGuard", "secondOverflowCaught")
                        .hint("resetRearmsGuard", "forgets-guard-flag")
                        .hint("secondOverflowCaught", "no-guard-after-reset"),
                wrong("rearms-at-stack-pointer-page", "Puts the guard on the page holding the stack pointer instead"
                        + " of the page below it.", "resetRearmsGuard", "secondOverflowCaught",
                        "resetRefusesWithoutRoom").hint("resetRearmsGuard", "guard-at-esp-page")
                        .hint("secondOverflowCaught", "no-guard-after-reset")
                        .hint("resetRefusesWithoutRoom", "guards-lowest-page"),
                wrong("queries-one-block", "Takes the RegionSize of one VirtualQuery as the committed stack,"
                        + " missing the guard page's block.", "measuresCommittedStack")
                        .hint("measuresCommittedStack", "guard-block-missed"),
                wrong("commits-above-stack", "Commits the range above the stack instead of only reserving it, so an"
                        + " underflow writes into it without a fault.", "underflowRangeReserved")
                        .hint("underflowRangeReserved", "guard-region-committed"),
                wrong("underflow-below-stack", "Takes an access violation below the stack's low limit for the"
                        + " underflow, forgetting that the stack grows down.", "underflowToldFromOverflow")
                        .hint("underflowToldFromOverflow", "underflow-is-above"),
                wrong("uses-exception-address", "Compares ExceptionAddress, the faulting instruction's address,"
                        + " with the stack's high end instead of the data address in ExceptionInformation[1].",
                        "underflowToldFromOverflow").hint("underflowToldFromOverflow", "other-faults-handled"));
    }
}
