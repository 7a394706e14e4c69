package pagelab.exercises.systeminfo;

/**
 * One call the checker is about to make in the process, described without addresses: regions are numbered in
 * the order they were created (0, 1, ...) and ranges are byte offsets from a region's start.
 *
 * @param kind   what the call is
 * @param region the region it works on; for {@link Kind#RESERVE} and {@link Kind#ALLOCATE} the number the new
 *               region will get
 * @param offset the first byte of the range, from the region's start (0 for RESERVE, ALLOCATE and RELEASE)
 * @param size   bytes: the size asked for (RESERVE, ALLOCATE), the range (COMMIT, TOUCH, DECOMMIT); 0 for RELEASE
 */
public record Step(Kind kind, int region, long offset, long size) {

    /** The calls, as the checker makes them. */
    public enum Kind {
        /** {@code VirtualAlloc(NULL, size, MEM_RESERVE, PAGE_READWRITE)}. */
        RESERVE,
        /** {@code VirtualAlloc(NULL, size, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE)}. */
        ALLOCATE,
        /** {@code VirtualAlloc(base + offset, size, MEM_COMMIT, PAGE_READWRITE)}; pages may be committed already. */
        COMMIT,
        /** Writes a byte to every page of {@code [base + offset, base + offset + size)}; they are all committed. */
        TOUCH,
        /** {@code VirtualFree(base + offset, size, MEM_DECOMMIT)}. */
        DECOMMIT,
        /** {@code VirtualFree(base, 0, MEM_RELEASE)}. */
        RELEASE
    }

    @Override
    public String toString() {
        return switch (kind) {
            case RESERVE -> "reserve region " + region + " of " + size + " bytes";
            case ALLOCATE -> "reserve and commit region " + region + " of " + size + " bytes";
            case RELEASE -> "release region " + region;
            default -> kind.name().toLowerCase() + " bytes " + offset + ".." + (offset + size - 1) + " of region "
                    + region;
        };
    }
}
