package pagelab.exercises.addressspacewalk;

/**
 * A block: a run of pages with the same state, protection and type, exactly as one {@code VirtualQuery} call
 * reports it ({@code BaseAddress}, {@code RegionSize}, {@code State}, {@code Protect}, {@code Type}).
 */
public record VmBlock(long base, long size, int state, int protect, int type) {
}
