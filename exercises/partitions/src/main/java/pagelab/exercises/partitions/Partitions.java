package pagelab.exercises.partitions;

import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.ResourceExercise;

/**
 * Chapter 13's partitions of a process's address space: the NULL-pointer partition, user mode, the 64 KiB
 * off-limits partition and kernel mode, read from GetSystemInfo and proven with VirtualAlloc, on x86, x86 with /3GB
 * and x64. Sources and instructions are resources under {@code partitions/}.
 */
@Extension
public final class Partitions extends ResourceExercise {
    public Partitions() {
        super("partitions", "Partitioner.java");
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("partitions", "The partitions of an address space", 13, Difficulty.EASY, 35,
                List.of("Name the four partitions of a process's address space and where each begins and ends",
                        "Read user mode's bounds from GetSystemInfo instead of assuming 2 GiB",
                        "Know what /3GB with /LARGEADDRESSAWARE, and a 64-bit process, do to user mode",
                        "Tell ERROR_INVALID_PARAMETER (not user mode) from ERROR_INVALID_ADDRESS (in use)",
                        "Keep addresses unsigned and in 64 bits: above 2 GiB they are not negative"))
                .onTrack(1, 1);
    }

    @Override
    public List<Locale> translations() {
        return List.of(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public Class<?> solutionInterface() {
        return PartitionMap.class;
    }

    @Override
    public Class<?> checks() {
        return PartitionsChecks.class;
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(
                wrong("null-is-one-page", "Takes the NULL-pointer partition as the first page (4 KiB), not the"
                        + " first 64 KiB.", "nullPartition").hint("nullPartition", "null-is-one-page"),
                wrong("hard-coded-2gib", "Uses the book's 0x7FFEFFFF as the top of user mode instead of"
                        + " lpMaximumApplicationAddress.", "largeAddressAware", "x64")
                        .hint("largeAddressAware", "hard-coded-2gib").hint("x64", "hard-coded-2gib"),
                wrong("int-addresses", "Keeps addresses in an int, so every address from 0x80000000 up is negative"
                        + " and lands in the NULL-pointer partition.", "offLimits", "largeAddressAware", "x64")
                        .hint("offLimits", "signed-address").hint("largeAddressAware", "signed-address")
                        .hint("x64", "signed-address"),
                wrong("max-exclusive", "Takes lpMaximumApplicationAddress as the first address above user mode, so"
                        + " the last byte of user mode and of the off-limits partition are each put one partition too"
                        + " high.", "userMode", "offLimits", "largeAddressAware", "x64")
                        .hint("userMode", "max-exclusive").hint("offLimits", "max-exclusive")
                        .hint("largeAddressAware", "max-exclusive").hint("x64", "max-exclusive"),
                wrong("no-off-limits", "Puts everything above lpMaximumApplicationAddress in kernel mode, forgetting"
                        + " the 64 KiB off-limits partition.", "offLimits", "largeAddressAware", "x64")
                        .hint("offLimits", "no-off-limits").hint("largeAddressAware", "no-off-limits")
                        .hint("x64", "no-off-limits"),
                wrong("swapped-errors", "Reads ERROR_INVALID_PARAMETER as \"in use\" and ERROR_INVALID_ADDRESS as"
                        + " \"not user mode\".", "refusesOutsideUserMode", "reservesFreeUserMode")
                        .hint("refusesOutsideUserMode", "error-meaning").hint("reservesFreeUserMode", "error-meaning"),
                wrong("guesses-instead-of-asking", "Answers tryReserve from partitionOf without calling VirtualAlloc,"
                        + " so it cannot see what is already in use.", "refusesOutsideUserMode",
                        "reservesFreeUserMode", "releasesWhatItReserved")
                        .hint("refusesOutsideUserMode", "no-probe").hint("reservesFreeUserMode", "no-probe")
                        .hint("releasesWhatItReserved", "no-probe"),
                wrong("commits-instead-of-reserving", "Probes with MEM_COMMIT alone, which needs a reservation"
                        + " there already: free addresses look in use, and a committed one is \"reserved\" and"
                        + " then released.", "reservesFreeUserMode", "releasesWhatItReserved")
                        .hint("reservesFreeUserMode", "reserve-not-commit")
                        .hint("releasesWhatItReserved", "reserve-not-commit"),
                wrong("keeps-reservation", "Reserves the page but never releases it.", "releasesWhatItReserved")
                        .hint("releasesWhatItReserved", "keeps-reservation"));
    }
}
