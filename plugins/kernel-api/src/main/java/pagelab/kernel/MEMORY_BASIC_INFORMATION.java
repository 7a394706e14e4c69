package pagelab.kernel;

/**
 * What {@link Kernel32#VirtualQuery} reports about the region of pages that share one state,
 * one protection and one type, starting at the queried page. Field names as in the Windows SDK.
 */
@SuppressWarnings("checkstyle:MemberName")
public final class MEMORY_BASIC_INFORMATION {
    /** The queried address rounded down to a page. */
    public long BaseAddress;
    /** The base of the allocation (reservation) that holds the page; 0 for free memory. */
    public long AllocationBase;
    /** The protection the allocation was made with; 0 for free memory. */
    public int AllocationProtect;
    /** Bytes from {@code BaseAddress} over which every page has the same attributes. */
    public long RegionSize;
    /** {@code MEM_COMMIT}, {@code MEM_RESERVE} or {@code MEM_FREE}. */
    public int State;
    /** The pages' protection; 0 for reserved or free pages. */
    public int Protect;
    /** {@code MEM_PRIVATE}, {@code MEM_MAPPED} or {@code MEM_IMAGE}; 0 for free memory. */
    public int Type;

    @Override
    public String toString() {
        return String.format("MEMORY_BASIC_INFORMATION{BaseAddress=%#x, AllocationBase=%#x, AllocationProtect=%#x, "
                        + "RegionSize=%#x, State=%#x, Protect=%#x, Type=%#x}",
                BaseAddress, AllocationBase, AllocationProtect, RegionSize, State, Protect, Type);
    }
}
