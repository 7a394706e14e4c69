package pagelab.exercises.addressspacewalk;

import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.ResourceExercise;

/**
 * Chapters 13-14's VMMap: walk the address space with VirtualQuery, group blocks into regions, and name stacks, heaps,
 * images and views. Sources and instructions are resources under {@code address-space-walk/}.
 */
@Extension
public final class AddressSpaceWalk extends ResourceExercise {
    public AddressSpaceWalk() {
        super("address-space-walk", "VMMap.java");
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("address-space-walk", "Walking the address space", 14, Difficulty.MEDIUM, 50,
                List.of("Walk an address space block by block with VirtualQuery",
                        "Group blocks into regions by AllocationBase, as VMMap does",
                        "Recognise thread stacks (a guard page), heaps (GetProcessHeaps), images and views",
                        "Read MEMORY_BASIC_INFORMATION: State, Protect with modifiers, Type"))
                .onTrack(1, 2);
    }

    @Override
    public List<Locale> translations() {
        return List.of(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public Class<?> solutionInterface() {
        return AddressSpaceWalker.class;
    }

    @Override
    public Class<?> checks() {
        return AddressSpaceWalkChecks.class;
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(
                wrong("stops-at-first-free", "Ends the walk at the first free gap.", "tilesAddressSpace")
                .hint("tilesAddressSpace", "stops-at-free"),
                wrong("blocks-as-regions", "Reports every block as a region, ignoring AllocationBase.",
                        "matchesRegions", "blocksMatchVirtualQuery", "identifiesStacks", "identifiesImagesAndViews",
                        "otherMachines").hint("matchesRegions", "blocks-as-regions")
                        .hint("identifiesStacks", "blocks-as-regions").hint("otherMachines", "blocks-as-regions"),
                wrong("starts-at-64k", "Starts the walk at 0x00010000 instead of 0, so the free region below is "
                        + "missing; every later check still judges the rest of the walk.", "tilesAddressSpace",
                        "matchesRegions", "otherMachines").hint("tilesAddressSpace", "starts-above-zero")
                        .hint("matchesRegions", "starts-above-zero").hint("otherMachines", "starts-above-zero"),
                wrong("guard-equality", "Tests Protect == PAGE_GUARD instead of the PAGE_GUARD bit.",
                        "identifiesStacks", "otherMachines").hint("identifiesStacks", "guard-bit")
                        .hint("otherMachines", "guard-bit"));
    }
}
